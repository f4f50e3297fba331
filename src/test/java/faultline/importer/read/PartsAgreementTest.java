package faultline.importer.read;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large text log read in parallel parts is read exactly as in one pass: the same events, times,
 * levels, messages and units, also for the lines of a unit claimed in a part before theirs.
 */
class PartsAgreementTest {
    @TempDir
    Path dir;

    @Test
    void partsReadWhatOnePassReads() throws Exception {
        StringBuilder sb = new StringBuilder();
        long ms = 0;
        int job = 0;
        while (sb.length() < 3_000_000) {
            String id = String.format("%08x-aaaa-4bbb-8ccc-%012x", job, job);
            String worker = "w" + (job % 3);
            if (job % 7 == 2) {
                // Rank words between jobs: a model's shards loading before the worker takes the next job on.
                for (int k = 1; k <= 4; k++) {
                    sb.append(line(ms++, worker, "INFO", "loading checkpoint shard " + k + " of 4"));
                }
            }
            if (job % 11 == 5) {
                // A shard as a unit of its own, named by its number, in whichever part it falls.
                sb.append(line(ms++, worker, "INFO", "Shard " + (job % 4) + " started"));
                sb.append(line(ms++, worker, job % 3 == 0 ? "ERROR" : "INFO", "Shard " + (job % 4) + " wrote 12 rows"));
                sb.append(line(ms++, worker, "INFO", "Shard " + (job % 4) + " finished"));
            }
            sb.append(line(ms++, worker, "INFO", "claimed job " + id));
            for (int i = 0; i < 300; i++) {
                sb.append(line(ms++, worker, i % 17 == 0 ? "WARNING" : "INFO", "step " + i + " of job work"));
            }
            if (job % 5 == 1) {
                // A UUID that is not a unit, in every part of the file: one pass lets it go once the whole file is
                // read, and so must the parts.
                sb.append(line(ms++, worker, "INFO", "volume 0c1d2e3f-aaaa-4bbb-8ccc-00000000ffff mounted"));
            }
            if (job % 4 == 3) {
                sb.append(line(ms++, worker, "ERROR", "render crashed"));
                sb.append("Traceback (most recent call last):\n  File \"/srv/r.py\", line 3, in run\n    go()\nValueError: bad frame\n");
            } else {
                sb.append(line(ms++, worker, "INFO", "job " + id + " succeeded in 2.0s"));
            }
            job++;
        }
        Path f = Files.writeString(dir.resolve("big.log"), sb.toString());
        BothWays read = BothWays.read(f, 256 * 1024);
        TaskSet one = read.onePass();
        TaskSet parts = read.parts();
        EventStore a = one.store();
        EventStore b = parts.store();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            String where = "event " + i + " (line " + a.line(i) + ")";
            assertEquals(a.line(i), b.line(i), where);
            assertEquals(a.stamp(i), b.stamp(i), where);
            assertEquals(a.level(i), b.level(i), where);
            assertEquals(a.message(i), b.message(i), where);
            assertEquals(id(one, a.task(i)), id(parts, b.task(i)), where);
        }
        assertEquals(statuses(one), statuses(parts));
        assertEquals(one.report().files().get(0).lines(), parts.report().files().get(0).lines());
        assertEquals(one.report().files().get(0).unparsed(), parts.report().files().get(0).unparsed());
        assertTrue(one.tasks().size() > 50);
        // Ids are on claim and end lines only: a job's steps are its own; a model's checkpoint shards loading between
        // jobs are no unit (they stay with the job before, which no success line ended).
        String claimed = null;
        for (int i = 0; i < a.size(); i++) {
            String m = a.message(i);
            if (m.startsWith("claimed job ")) {
                claimed = m.substring("claimed job ".length());
            } else if (m.startsWith("step ")) {
                assertEquals(claimed, id(one, a.task(i)), "line " + a.line(i));
            } else if (m.startsWith("loading checkpoint shard")) {
                String unit = id(one, a.task(i));
                assertTrue(unit == null || unit.contains("-aaaa-"), "line " + a.line(i) + " belongs to " + unit);
            }
        }
    }

    /**
     * Rules that look back over lines agree across a part's start too: a numbered job is one unit however a line
     * capitalises it, and an SDK's "Finished." record after its request's traceback leaves the request failed.
     */
    @Test
    void numberedIdsAndRecordEndsAgreeAcrossParts() throws Exception {
        StringBuilder jobs = new StringBuilder();
        StringBuilder records = new StringBuilder();
        long ms = 0;
        for (int job = 0; jobs.length() < 2_000_000 || records.length() < 2_000_000; job++) {
            String at = String.format("2025-04-01 %02d:%02d:%02d,%03d", 8 + ms / 3_600_000 % 12, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
            jobs.append(at).append(" INFO runner: Starting job ").append(1000 + job).append('\n');
            String id = String.format("%08x-aaaa-4bbb-8ccc-%012x", job, job) + "-u1";
            records.append(stamp(ms++)).append(" {\"requestId\": \"").append(id).append("\", \"message\": \"Started.\", \"level\": \"INFO\"}\n");
            for (int i = 0; i < 250; i++) {
                jobs.append(at).append(" INFO runner: step ").append(i).append('\n');
                records.append(stamp(ms++)).append(" sampling frame ").append(i).append('\n');
            }
            // Failures around every tenth of the file, where parts start (one per core, at most four).
            if (records.length() / 100_000 % 5 != 2) {
                records.append(stamp(ms++)).append(" Traceback (most recent call last):\n");
                records.append(stamp(ms++)).append("   File \"/app/handler.py\", line 9, in handler\n");
                records.append(stamp(ms++)).append(" ValueError: cannot decode image\n");
            }
            jobs.append(at).append(" INFO runner: Job ").append(1000 + job).append(": done\n");
            records.append(stamp(ms++)).append(" {\"requestId\": \"").append(id).append("\", \"message\": \"Finished.\", \"level\": \"INFO\"}\n");
        }
        TaskSet numbered = assertPartsAgree(Files.writeString(dir.resolve("runner.log"), jobs.toString()));
        long started = jobs.toString().lines().filter(l -> l.contains("Starting job ")).count();
        assertEquals(started, numbered.tasks().size(), "one unit per job, \"Job N\" and \"job N\" alike");
        TaskSet requests = assertPartsAgree(Files.writeString(dir.resolve("worker-logs.txt"), records.toString()));
        assertTrue(requests.tasks().size() > 50);
        assertTrue(requests.tasks().stream().anyMatch(t -> t.status().name().equals("FAILED")));
        assertTrue(requests.tasks().stream().anyMatch(t -> t.status().name().equals("COMPLETE")));
    }

    private static String stamp(long ms) {
        return String.format("2025-04-01T%02d:%02d:%02d.%03d123Z", 8 + ms / 3_600_000 % 12, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /** Reads the file in one pass and in parts; the events, their units and the statuses agree. Returns the one pass. */
    private static TaskSet assertPartsAgree(Path f) {
        BothWays read = BothWays.read(f, 256 * 1024);
        TaskSet one = read.onePass();
        TaskSet parts = read.parts();
        EventStore a = one.store();
        EventStore b = parts.store();
        assertEquals(a.size(), b.size(), f.getFileName().toString());
        for (int i = 0; i < a.size(); i++) {
            String where = f.getFileName() + " event " + i + " (line " + a.line(i) + ")";
            assertEquals(a.level(i), b.level(i), where);
            assertEquals(id(one, a.task(i)), id(parts, b.task(i)), where);
        }
        assertEquals(statuses(one), statuses(parts), f.getFileName().toString());
        return one;
    }

    private static String line(long ms, String worker, String level, String msg) {
        long s = ms / 1000;
        return String.format("2025-04-01 %02d:%02d:%02d,%03d - %s - [Thread-%s] %s - %s%n", 8 + s / 3600 % 12, s / 60 % 60, s % 60, ms % 1000,
                "svc", worker, level, msg);
    }

    private static String id(TaskSet set, int task) {
        return task < 0 ? null : set.tasks().get(task).id();
    }

    private static Map<String, String> statuses(TaskSet set) {
        Map<String, String> out = new TreeMap<>();
        for (Task t : set.tasks()) {
            out.put(t.id(), t.status().name());
        }
        return out;
    }
}
