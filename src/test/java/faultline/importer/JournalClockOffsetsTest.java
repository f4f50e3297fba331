package faultline.importer;

import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The program's own clock beside journald's, journald printed in UTC ({@code journalctl -o short-iso --utc})
 * around a program that writes its local time without an offset: a zone the user gave for such times is kept.
 */
class JournalClockOffsetsTest {
    @TempDir
    Path dir;

    private static final String LINES = """
            2025-03-18T09:11:02+00:00 gpu-box-11 systemd[1]: Started worker.service.
            2025-03-18T09:11:09+00:00 gpu-box-11 python[2201]: [10:11:09] INFO HEADLESS worker up
            2025-03-18T09:12:41+00:00 gpu-box-11 python[2201]: [10:12:41] INFO HEADLESS [CLAIM] Claimed task ae1837ad-8a0e-4dfb-aec7-52569069aef3
            2025-03-18T09:12:42+00:00 gpu-box-11 python[2201]: Loading model
            2025-03-18T09:14:05+00:00 gpu-box-11 python[2201]: [10:14:05] INFO HEADLESS Task complete
            """;

    @Test
    void theZoneTheUserGaveForTimesWithoutAnOffsetIsNotOverriddenByTheOuterClocksOffset() throws Exception {
        Path f = write(dir, "journal-utc.log", LINES);
        ImportOptions o = ImportOptions.defaults().set(f,
                new ImportOptions.SourceOptions(null, ZoneId.of("Europe/Berlin"), 0, null));
        TaskSet set = Fixtures.load(o, f);
        long up = set.store().nanos(row(set, "worker up"));
        assertEquals(Instant.parse("2025-03-18T09:11:09Z"), Instant.ofEpochSecond(0, up),
                "10:11:09 written without an offset in a file the user says is Europe/Berlin");
    }

    @Test
    void aTimeOfDayAloneInsideAnOffsetClockTakesTheDateNearestIt() throws Exception {
        // podman logs -t writes its local offset; LocalAI in its container writes UTC, a twelve-hour clock without a date.
        Path f = write(dir, "podman-logs-localai.log", """
                2025-11-30T00:58:41.204877113+01:00 11:58PM INF Starting LocalAI using 8 threads
                2025-11-30T00:59:57.442310958+01:00 11:59PM INF BackendLoader starting backend=llama-cpp
                2025-11-30T01:00:02.553018447+01:00 12:00AM ERR Failed to load model
                """);
        TaskSet set = Fixtures.load(f);
        assertEquals(Instant.parse("2025-11-29T23:58:00Z"), Instant.ofEpochSecond(0, set.store().nanos(row(set, "Starting LocalAI"))),
                "before midnight in UTC, on the day before podman's local date");
        assertEquals(Instant.parse("2025-11-30T00:00:00Z"), Instant.ofEpochSecond(0, set.store().nanos(row(set, "Failed to load"))));
    }
}
