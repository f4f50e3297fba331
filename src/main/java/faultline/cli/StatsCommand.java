package faultline.cli;

import faultline.text.Prose;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.ParseReport;
import faultline.model.TaskSet;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code faultline stats FILE…}: what an import of the files costs and finds. */
final class StatsCommand {
    private StatsCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new Cli.UsageException(Prose.format("cli.unknown-option", a));
            }
            files.add(Path.of(a));
        }
        if (files.isEmpty()) {
            throw new Cli.UsageException(Prose.get("cli.no-file"));
        }
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = mem.getHeapMemoryUsage().getUsed();
        HeapPeak peak = new HeapPeak();
        long t0 = System.nanoTime();
        TaskSet set = new Importer().importFiles(files, ImportMonitor.NONE);
        long t1 = System.nanoTime();
        System.gc();
        peak.close();
        long heapAfter = mem.getHeapMemoryUsage().getUsed();
        ParseReport r = set.report();
        double seconds = (t1 - t0) / 1e9;
        // Only what was read counts: a file refused (too large, unreadable) must not raise the figures.
        long bytes = 0;
        for (ParseReport.FileReport f : r.files()) {
            if (f.fatal() == null) {
                bytes += f.bytes();
            }
        }
        long lines = r.totalLines();
        long heap = Math.max(0, heapAfter - heapBefore);
        out.printf("files           %d%n", files.size());
        out.printf("bytes           %,d%n", bytes);
        out.printf("lines read      %,d%n", lines);
        out.printf("lines understood %,d%n", Math.max(0, lines - r.totalUnparsed()));
        out.printf("not understood  %,d%n", r.totalUnparsed());
        out.printf("events          %,d%n", set.store().size());
        out.printf("tasks           %,d%n", set.tasks().size());
        out.printf("failed tasks    %,d%n", set.failed().size());
        out.printf("seconds         %.3f%n", seconds);
        if (bytes > 0 && seconds > 0) {
            out.printf("MB/s            %.1f%n", bytes / 1e6 / seconds);
        } else {
            out.printf("MB/s            -%n");
        }
        out.printf("heap bytes      %,d%n", heap);
        out.printf("heap bytes/line %.1f%n", lines > 0 ? (double) heap / lines : 0);
        // The fullest heap after any collection during the import, less what was in use before it.
        long atPeak = Math.max(heap, peak.bytes() - heapBefore);
        out.printf("peak heap bytes/line %.1f%n", lines > 0 ? (double) atPeak / lines : 0);
        int failedFiles = 0;
        for (ParseReport.FileReport f : r.files()) {
            if (f.fatal() != null) {
                err.println("faultline stats: " + f.fatal());
                out.printf("file            %s: not read%n", f.file());
                failedFiles++;
            } else {
                out.printf("file            %s: %s (%.0f%% sure), %,d lines read, %,d understood%n", f.file(), f.format().label(),
                        f.confidence() * 100, f.lines(), Math.max(0, f.lines() - f.unparsed()));
            }
        }
        // Keep the set reachable until the heap was measured.
        if (set.store().size() < 0) {
            out.println(set);
        }
        return failedFiles == files.size() ? 1 : 0;
    }
}
