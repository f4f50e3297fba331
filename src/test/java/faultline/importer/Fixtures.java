package faultline.importer;

import faultline.model.EventStore;
import faultline.model.ParseReport;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TimeText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small log files written by the tests themselves, and helpers to look into what was imported. */
final class Fixtures {
    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static TaskSet load(Path... files) {
        return new Importer().importFiles(Arrays.asList(files), ImportMonitor.NONE);
    }

    static TaskSet load(ImportOptions options, Path... files) {
        return new Importer(options).importFiles(Arrays.asList(files), ImportMonitor.NONE);
    }

    static ParseReport.FileReport report(TaskSet set, int file) {
        return set.report().files().get(file);
    }

    /** Every event's message, in store order. */
    static List<String> messages(TaskSet set) {
        List<String> out = new ArrayList<>();
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.message(i));
        }
        return out;
    }

    /** The first event whose message contains the text. */
    static int row(TaskSet set, String contains) {
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i).contains(contains)) {
                return i;
            }
        }
        throw new AssertionError("no event contains: " + contains + " in " + messages(set));
    }

    /** The first event whose raw line(s) contain the text. */
    static int rowRaw(TaskSet set, String contains) {
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            if (s.raw(i).contains(contains)) {
                return i;
            }
        }
        throw new AssertionError("no raw line contains: " + contains);
    }

    /** Full time of a row with its precision: 2025-10-07 18:02:55.652 */
    static String time(TaskSet set, int row) {
        return TimeText.full(set.store().nanos(row), set.store().precision(row));
    }

    static Task task(TaskSet set, String id) {
        return set.find(id).orElseThrow(() -> new AssertionError("no task " + id + " in " + set.tasks()));
    }

    static long repairs(TaskSet set, int file, ParseReport.Repair r) {
        return report(set, file).repairs().getOrDefault(r, 0L);
    }
}
