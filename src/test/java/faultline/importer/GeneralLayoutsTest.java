package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general text reader on lines written here in the layouts of common system and service logs
 * (the values are made up): each line's time of day with the digits it had, its date, its level
 * and its message (which may keep the logger before it). Files are dated 2024-06-30 by their modification time, so that a
 * line without a year shows which year it was given.
 */
class GeneralLayoutsTest {
    @TempDir
    Path dir;

    /** One expected line: 1-based line, full time as shown (date and time with its digits), level, message start. */
    record Line(int line, String time, Level level, String message) {
    }

    static Line l(int line, String time, Level level, String message) {
        return new Line(line, time, level, message);
    }

    static Arguments family(String name, String text, Line... lines) {
        return Arguments.of(name, text, lines);
    }

    static Stream<Arguments> families() {
        return Stream.of(
                family("android.log", """
                        06-12 08:01:02.113  4121  4180 D DisplayPolicy: focus moved to window 7
                        06-12 08:01:02.250  4121  4180 W Choreographer: skipped 31 frames
                        06-12 08:01:03.007  4121  4233 E CameraService: open failed for device 1
                        """,
                        l(1, "2024-06-12 08:01:02.113", Level.DEBUG, "focus moved"),
                        l(2, "2024-06-12 08:01:02.250", Level.WARNING, "skipped 31"),
                        l(3, "2024-06-12 08:01:03.007", Level.ERROR, "open failed")),
                family("apache_error.log", """
                        [Mon Jun 03 11:20:05 2019] [notice] child pid 4410 exit signal Segmentation fault (11)
                        [Mon Jun 03 11:20:07 2019] [error] [client 10.1.2.3] File does not exist: /srv/www/favicon.ico
                        """,
                        l(1, "2019-06-03 11:20:05", Level.INFO, "child pid"),
                        l(2, "2019-06-03 11:20:07", Level.ERROR, "File does not exist")),
                family("bgl.log", """
                        - 1243512301 2009.05.28 R11-M0-N3-C:J04-U01 2009-05-28-12.05.01.204411 R11-M0-N3-C:J04-U01 RAS KERNEL INFO ddr error corrected on rank 2
                        KERNDTLB 1243512444 2009.05.28 R11-M0-N3-C:J04-U01 2009-05-28-12.07.24.870002 R11-M0-N3-C:J04-U01 RAS KERNEL FATAL data TLB error interrupt
                        """,
                        l(1, "2009-05-28 12:05:01.204411", Level.INFO, "ddr error corrected"),
                        l(2, "2009-05-28 12:07:24.870002", Level.CRITICAL, "data TLB")),
                family("hadoop.log", """
                        2018-02-11 07:15:33,402 INFO [main] org.example.mr.JobRunner: Submitted job_1518330000000_0042
                        2018-02-11 07:15:35,911 WARN [ContainerLauncher #2] org.example.mr.Launcher: container 17 slow to start
                        2018-02-11 07:15:40,001 ERROR [RMCommunicator] org.example.mr.Allocator: lost connection to scheduler
                        """,
                        l(1, "2018-02-11 07:15:33.402", Level.INFO, "Submitted job"),
                        l(2, "2018-02-11 07:15:35.911", Level.WARNING, "container 17"),
                        l(3, "2018-02-11 07:15:40.001", Level.ERROR, "lost connection")),
                family("hdfs.log", """
                        110304 091502 731 INFO dfs.DataNode$Receiver: Receiving block blk_9001 src: /10.0.0.8:5100
                        110304 091509 731 WARN dfs.DataNode$Receiver: slow write of block blk_9001
                        """,
                        l(1, "2011-03-04 09:15:02", Level.INFO, "Receiving block"),
                        l(2, "2011-03-04 09:15:09", Level.WARNING, "slow write")),
                family("healthapp.log", """
                        20190415-06:30:01:125|Step_Counter|4410221|onSensorChanged steps=2211
                        20190415-06:30:01:337|Step_Counter|4410221|flush totals 2212
                        """,
                        l(1, "2019-04-15 06:30:01.125", Level.INFO, "Step_Counter"),
                        l(2, "2019-04-15 06:30:01.337", Level.INFO, "Step_Counter")),
                family("hpc.log", """
                        88101 node-17 unix.hw state_change.available 1146027721 1 Component State Change: fan 3 is available
                        88102 node-29 action error 1146027780 1 halt (command 4410) Error: node not responding
                        """,
                        l(1, "2006-04-26 05:02:01", Level.INFO, "1 Component"),
                        l(2, "2006-04-26 05:03:00", Level.ERROR, "node not responding")),
                family("syslog.log", """
                        Feb  3 04:05:06 box7 cron[2210]: (root) CMD (run-backup --quiet)
                        Feb  3 04:05:09 box7 kernel: usb 2-1: new high-speed USB device number 4
                        Feb 13 23:59:58 box7 sshd(pam_unix)[3120]: session opened for user ops
                        """,
                        l(1, "2024-02-03 04:05:06", Level.INFO, "(root) CMD"),
                        l(2, "2024-02-03 04:05:09", Level.INFO, "usb 2-1"),
                        l(3, "2024-02-13 23:59:58", Level.INFO, "session opened")),
                family("mac.log", """
                        Jun 21 18:44:02 studio-ab12 kernel[0]: Sandbox: mdworker(612) deny file-read-data /private/tmp
                        Jun 21 18:44:09 studio-ab12 com.example.agent[3301]: heartbeat late by 2.1 s
                        """,
                        l(1, "2024-06-21 18:44:02", Level.INFO, "Sandbox: mdworker"),
                        l(2, "2024-06-21 18:44:09", Level.INFO, "heartbeat late")),
                family("openssh.log", """
                        Nov 30 21:10:11 gate2 sshd[7712]: Failed password for invalid user ops from 10.9.8.7 port 50122 ssh2
                        Nov 30 21:10:14 gate2 sshd[7712]: Connection closed by 10.9.8.7 port 50122 [preauth]
                        """,
                        l(1, "2023-11-30 21:10:11", Level.INFO, "Failed password"),
                        l(2, "2023-11-30 21:10:14", Level.INFO, "Connection closed")),
                family("openstack.log", """
                        api.log.3.2019-08-01_10:00:00 2019-08-01 10:02:03.417 6611 INFO compute.api [req-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d - - -] listing servers
                        api.log.3.2019-08-01_10:00:00 2019-08-01 10:02:04.018 6611 ERROR compute.api [req-1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d - - -] quota exceeded
                        api.log.3.2019-08-01_10:00:00 2019-08-01 10:02:05.220 6611 INFO compute.api [req-2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d - - -] listing flavors
                        """,
                        l(1, "2019-08-01 10:02:03.417", Level.INFO, "compute.api"),
                        l(2, "2019-08-01 10:02:04.018", Level.ERROR, "compute.api")),
                family("proxifier.log", """
                        [07.14 09:12:44] browser.exe - edge.example.net:443 open through proxy gw.example.net:8080 HTTPS
                        [07.14 09:12:51] browser.exe - edge.example.net:443 close, 512 bytes sent, 9001 bytes received
                        """,
                        l(1, "2023-07-14 09:12:44", Level.INFO, "browser.exe"),
                        l(2, "2023-07-14 09:12:51", Level.INFO, "browser.exe")),
                family("spark.log", """
                        19/10/21 13:40:02 INFO storage.BlockManager: Registering block manager on host-4:40212
                        19/10/21 13:40:09 ERROR executor.Executor: Exception in task 3.0 in stage 2.0 (TID 41)
                        """,
                        l(1, "2019-10-21 13:40:02", Level.INFO, "Registering block"),
                        l(2, "2019-10-21 13:40:09", Level.ERROR, "Exception in task")),
                family("thunderbird.log", """
                        - 1167641130 2007.01.01 cn142 Jan 1 00:45:30 cn142/cn142 ntpd[4419]: synchronized to 10.0.3.1, stratum 2
                        - 1167641190 2007.01.01 cn143 Jan 1 00:46:30 cn143/cn143 kernel: eth1: link up
                        """,
                        l(1, "2007-01-01 00:45:30", Level.INFO, "synchronized to"),
                        l(2, "2007-01-01 00:46:30", Level.INFO, "eth1: link up")),
                family("cbs.log", """
                        2017-04-02 18:20:11, Info                  CBS    Session: 30581_112 initialized by client WindowsUpdateAgent.
                        2017-04-02 18:20:14, Error                 CSI    00000042 (F) STATUS_OBJECT_NAME_NOT_FOUND #1290 [gle=0xd0000034]
                        """,
                        l(1, "2017-04-02 18:20:11", Level.INFO, "CBS    Session"),
                        l(2, "2017-04-02 18:20:14", Level.ERROR, "CSI")),
                family("zookeeper.log", """
                        2016-01-12 03:04:05,678 - INFO  [main:QuorumPeerConfig@101] - Reading configuration from: /etc/zk/zoo.cfg
                        2016-01-12 03:04:09,001 - WARN  [RecvWorker:2:QuorumCnxManager$RecvWorker@780] - Connection broken for id 2
                        """,
                        l(1, "2016-01-12 03:04:05.678", Level.INFO, "Reading configuration"),
                        l(2, "2016-01-12 03:04:09.001", Level.WARNING, "Connection broken")),
                family("python_logging.log", """
                        2025-03-02 10:11:12,345 - worker.gpu - INFO - model loaded in 4.2 s
                        2025-03-02 10:11:13,001 - worker.gpu - ERROR - generation failed
                        """,
                        l(1, "2025-03-02 10:11:12.345", Level.INFO, "model loaded"),
                        l(2, "2025-03-02 10:11:13.001", Level.ERROR, "generation failed")),
                family("python_bar.log", """
                        2025-03-02 10:11:12 | WARNING | uploader | retrying upload 2
                        2025-03-02 10:11:14 | INFO | uploader | upload done
                        """,
                        l(1, "2025-03-02 10:11:12", Level.WARNING, "uploader | retrying"),
                        l(2, "2025-03-02 10:11:14", Level.INFO, "uploader | upload done")),
                family("tgi.log", """
                        2025-05-06T07:08:09.123456Z  INFO text_generation_launcher: Args { model_id: "m" }
                        2025-05-06T07:08:11.654321Z ERROR shard-manager: text_generation_launcher: Shard failed to start rank=1
                        """,
                        l(1, "2025-05-06 07:08:09.123456", Level.INFO, "Args {"),
                        l(2, "2025-05-06 07:08:11.654321", Level.ERROR, "text_generation_launcher: Shard failed")),
                family("vllm.log", """
                        INFO 05-06 07:08:09 [api_server.py:1040] vLLM API server version 0.9.1
                        WARNING 05-06 07:08:10 [config.py:512] max_model_len is greater than the derived length
                        """,
                        l(1, "2024-05-06 07:08:09", Level.INFO, "vLLM API server"),
                        l(2, "2024-05-06 07:08:10", Level.WARNING, "max_model_len")),
                family("webui.log", """
                        07:08:09-123456 INFO     Loading pipeline: sdxl
                        07:08:11-000042 ERROR    pipeline load failed
                        """,
                        l(1, "2024-06-30 07:08:09.123456", Level.INFO, "Loading pipeline"),
                        l(2, "2024-06-30 07:08:11.000042", Level.ERROR, "pipeline load failed")),
                family("deepspeed.log", """
                        [2025-01-02 03:04:05,678] [INFO] [engine.py:1122:step] step=100 loss=2.31
                        [2025-01-02 03:04:06,001] [WARNING] [stage3.py:88:fetch] prefetch miss
                        """,
                        l(1, "2025-01-02 03:04:05.678", Level.INFO, "step=100"),
                        l(2, "2025-01-02 03:04:06.001", Level.WARNING, "prefetch miss")),
                family("epoch_ms.log", """
                        1717230000123 INFO job queue drained
                        1717230001456 ERROR job 7 crashed
                        """,
                        l(1, "2024-06-01 08:20:00.123", Level.INFO, "job queue"),
                        l(2, "2024-06-01 08:20:01.456", Level.ERROR, "job 7 crashed")),
                family("journald_python.log", """
                        Mar 02 10:11:12 gpu-host python[812]: 2025-03-02 10:11:12,500 - svc - INFO - ready
                        Mar 02 10:11:13 gpu-host python[812]: 2025-03-02 10:11:13,250 - svc - ERROR - lost device
                        """,
                        l(1, "2025-03-02 10:11:12.500", Level.INFO, "ready"),
                        l(2, "2025-03-02 10:11:13.250", Level.ERROR, "lost device")),
                family("bracketed_level_first.log", """
                        [ERROR] 2025-03-02T10:11:12.250Z UPLOAD: upload failed
                        [INFO] 2025-03-02T10:11:13.500Z uploader: retry scheduled
                        """,
                        l(1, "2025-03-02 10:11:12.250", Level.ERROR, "UPLOAD: upload failed"),
                        l(2, "2025-03-02 10:11:13.500", Level.INFO, "retry scheduled")),
                // gunicorn writes its offset after a space, as an access log does; so may a Python format's %z.
                family("gunicorn.log", """
                        [2024-06-02 10:11:12 -0500] [12] [INFO] Booting worker with pid: 12
                        [2024-06-02 10:11:14 +0530] [12] [ERROR] Exception in worker process
                        2024-06-02 10:11:15,250 -0500 ERROR job failed
                        """,
                        l(1, "2024-06-02 15:11:12", Level.INFO, "Booting worker"),
                        l(2, "2024-06-02 04:41:14", Level.ERROR, "Exception in worker"),
                        l(3, "2024-06-02 15:11:15.250", Level.ERROR, "job failed")),
                // Apache 2.4 writes the module before the level.
                family("error_log", """
                        [Sun Jun 02 10:11:12.123456 2024] [mpm_event:notice] [pid 1201:tid 140001] AH00489: Apache/2.4.57 configured
                        [Sun Jun 02 10:11:13.000001 2024] [authz_core:error] [pid 1305:tid 140222] [client 192.0.2.10:51234] AH01630: client denied
                        [Sun Jun 02 10:11:14.500000 2024] [core:warn] [pid 1306:tid 140223] AH00045: child process 1307 still did not exit
                        """,
                        l(1, "2024-06-02 10:11:12.123456", Level.INFO, "AH00489: Apache/2.4.57 configured"),
                        l(2, "2024-06-02 10:11:13.000001", Level.ERROR, "AH01630: client denied"),
                        l(3, "2024-06-02 10:11:14.500000", Level.WARNING, "AH00045: child process")),
                // Level words in small letters inside the messages: the messages' own words, not a level token.
                family("messages.log", """
                        Jun  2 10:11:12 gpu-node-4 monitor[88]: disk warning threshold crossed on /data
                        Jun  2 10:11:13 gpu-node-4 worker[812]: queue drained
                        Jun  2 10:11:14 gpu-node-4 kernel: EXT4-fs error (device sda1): bad block
                        """,
                        l(1, "2024-06-02 10:11:12", Level.INFO, "gpu-node-4 monitor[88]: disk warning threshold crossed"),
                        l(3, "2024-06-02 10:11:14", Level.INFO, "gpu-node-4 kernel: EXT4-fs error (device sda1)")),
                family("go-log.log", """
                        2024/06/02 10:11:12 Starting server on :8080
                        2024/06/02 10:11:13.123456 main.go:42: listening
                        2024/06/02 10:11:14 http: panic serving 192.0.2.1:50000: runtime error: invalid memory address
                        """,
                        l(1, "2024-06-02 10:11:12", Level.INFO, "Starting server on :8080"),
                        l(2, "2024-06-02 10:11:13.123456", Level.INFO, "main.go:42: listening"),
                        l(3, "2024-06-02 10:11:14", Level.INFO, "http: panic serving")),
                // syslog-ng with the year before the month (its ISO-less template with $YEAR).
                family("syslog-ng.log", """
                        2023 Dec  2 10:11:12 gpu-node-4 worker[812]: claimed job 88
                        2023 Dec  2 10:11:13 gpu-node-4 worker[812]: job 88 done
                        """,
                        l(1, "2023-12-02 10:11:12", Level.INFO, "claimed job 88"),
                        l(2, "2023-12-02 10:11:13", Level.INFO, "job 88 done")),
                // A syslog priority glued to the clock, as a relay or a network capture keeps it.
                family("relay.log", """
                        <34>Jun  2 10:11:12 gpu-node-4 su: authentication failure
                        <13>Jun  2 10:11:13 gpu-node-4 worker[812]: queue drained
                        """,
                        l(1, "2024-06-02 10:11:12", Level.CRITICAL, "authentication failure"),
                        l(2, "2024-06-02 10:11:13", Level.INFO, "queue drained")),
                // HealthApp writes no leading zeros in its clock, nor in its date's month and day.
                family("healthapp.log", """
                        20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579
                        20171223-23:7:6:86|Step_LSC|30002312|onExtend:1514038530000 0 0
                        20171224-0:32:28:806|HiH_HiBroadcastUtil|30002312|sendSyncFailedBroadcast
                        201812-19:39:28:966|Step_StandStepDataManager|30002312|tryToReloadTodayBasicSteps
                        """,
                        l(1, "2017-12-23 22:15:29.606", Level.INFO, "Step_LSC|30002312|onStandStepChanged"),
                        l(2, "2017-12-23 23:07:06.086", Level.INFO, "onExtend"),
                        l(3, "2017-12-24 00:32:28.806", Level.INFO, "sendSyncFailedBroadcast"),
                        l(4, "2018-01-02 19:39:28.966", Level.INFO, "tryToReloadTodayBasicSteps")),
                // An Airflow task log as its web page shows it.
                family("attempt=1.log", """
                        [2024-03-10, 08:01:05 UTC] {taskinstance.py:2865} INFO - Starting attempt 1 of 3
                        [2024-03-10, 08:01:22 UTC] {taskinstance.py:1225} ERROR - Task failed with exception
                        """,
                        l(1, "2024-03-10 08:01:05", Level.INFO, "Starting attempt 1 of 3"),
                        l(2, "2024-03-10 08:01:22", Level.ERROR, "Task failed with exception"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void readsTimeLevelAndMessageOfEveryLine(String name, String text, Line[] lines) throws Exception {
        Path f = write(dir, name, text);
        // Modified on 2024-06-30: lines without a year are of 2024, or 2023 for a month-day after June 30.
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-06-30T12:00:00Z")));
        TaskSet set = load(f);
        var r = set.report().files().get(0);
        assertNull(r.fatal());
        assertEquals(SourceFormat.TEXT_LOG, r.format(), name);
        assertEquals(0, r.unparsed(), name + ": " + r.problems());
        EventStore s = set.store();
        for (Line want : lines) {
            int row = rowOfLine(set, want.line());
            assertEquals(want.time(), TimeText.full(s.nanos(row), s.precision(row)), name + " line " + want.line());
            assertEquals(want.level(), s.level(row), name + " line " + want.line());
            assertTrue(s.message(row).contains(want.message()), name + " line " + want.line() + ": " + s.message(row));
        }
    }

    @org.junit.jupiter.api.Test
    void yearsNoLogMeansAreNotTimesAndNeverWrapBefore1970() throws Exception {
        for (SourceFormat f : new SourceFormat[]{SourceFormat.TEXT_LOG, SourceFormat.SYSTEM_LOGS_TEXT}) {
            Path p = write(dir, "far-" + f.id() + ".log", """
                    2025-03-02T10:11:12.000000 [INFO] before
                    9999-12-31T23:59:59.000000 [INFO] far future
                    1600-01-01T00:00:00.000000 [INFO] far past
                    2025-03-02T10:11:13.000000 [INFO] after
                    """);
            TaskSet set = Fixtures.load(ImportOptions.defaults().set(p, new ImportOptions.SourceOptions(f, java.time.ZoneOffset.UTC, 0, null)), p);
            EventStore s = set.store();
            for (int i = 0; i < s.size(); i++) {
                String t = TimeText.full(s.nanos(i), s.precision(i));
                assertTrue(t.startsWith("2025-03-02"), f.id() + ": " + s.message(i) + " at " + t);
            }
            if (f.equals(SourceFormat.TEXT_LOG)) {
                assertEquals(2, set.report().files().get(0).unparsed(), "the two lines are reported as not understood");
            } else {
                assertTrue(s.estimated(Fixtures.row(set, "far future")) && s.estimated(Fixtures.row(set, "far past")),
                        "the rows keep their place with a time estimated from their neighbours");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aClockWithoutADateIsOfTheDayBeforeWhenTheFileWasWrittenEarlierInTheDay() throws Exception {
        Path p = write(dir, "serve.log", """
                23:58:40.1021 INFO Executing model.load()...
                23:59:58.7734 INFO Completed model.load() execution in 18652 ms
                00:00:09.5520 ERROR Internal Server Error
                """);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2024-06-30T00:30:00Z")));
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals("2024-06-29 23:58:40.1021", TimeText.full(s.nanos(rowOfLine(set, 1)), 4), "no line is later than the file's last write");
        assertEquals("2024-06-30 00:00:09.5520", TimeText.full(s.nanos(rowOfLine(set, 3)), 4), "and midnight is passed after it");
    }

    @org.junit.jupiter.api.Test
    void journalctlsHeaderGivesTheYearAndItsNotesAreNoRecords() throws Exception {
        Path p = write(dir, "worker-journal.txt", """
                -- Logs begin at Mon 2024-12-30 08:00:00 CET, end at Thu 2025-01-02 10:11:15 CET. --
                Jan 02 10:11:12 gpu-node-4 systemd[1]: Starting render worker...
                Jan 02 10:11:13 gpu-node-4 worker[812]: claimed job 88
                -- Reboot --
                Jan 02 10:15:00 gpu-node-4 kernel: Linux version 6.1.0-18-amd64
                """);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-06-30T12:00:00Z")));
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals("2025-01-02 10:11:12", TimeText.full(s.nanos(rowOfLine(set, 2)), 0), "January after the header's December");
        assertEquals("2025-01-02 10:15:00", TimeText.full(s.nanos(rowOfLine(set, 5)), 0));
        assertTrue(s.estimated(rowOfLine(set, 1)) && s.estimated(rowOfLine(set, 4)), "the journal's notes have no time of their own");
        assertTrue(s.nanos(rowOfLine(set, 1)) >= s.nanos(rowOfLine(set, 2)) - 1_000_000_000L, "nor the header's first date");
    }

    @org.junit.jupiter.api.Test
    void aCsvRowsFirstFieldIsItsClockNotTheSessionStartInALaterOne() throws Exception {
        Path p = write(dir, "postgresql.csv", """
                2025-01-02 10:11:12.123 UTC,"postgres","postgres",1234,"[local]",6776a1b0.4d2,1,"idle",2025-01-02 10:11:10 UTC,3/4,0,LOG,00000,"statement: SELECT 1;",,,,,,,,,"psql","client backend",,0
                2025-01-02 10:11:13.456 UTC,"app","appdb",1235,"192.0.2.5:50000",6776a1b1.4d3,2,"INSERT",2025-01-02 10:11:11 UTC,4/10,1001,ERROR,23505,"duplicate key",,,,,,,,,"app","client backend",,0
                """);
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals("2025-01-02 10:11:12.123", TimeText.full(s.nanos(rowOfLine(set, 1)), s.precision(rowOfLine(set, 1))));
        assertEquals("2025-01-02 10:11:13.456", TimeText.full(s.nanos(rowOfLine(set, 2)), s.precision(rowOfLine(set, 2))));
    }

    @org.junit.jupiter.api.Test
    void aTenDigitNumberInsideALineIsNoClock() throws Exception {
        Path p = write(dir, "console.log", """
                Loading model
                [Parameters] Seed = 4021987733
                [Parameters] Seed = 1738920001
                Total time: 11.40 seconds
                """);
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals(4, s.size());
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.estimated(i), "untimed: " + s.message(i) + " at " + TimeText.full(s.nanos(i), s.precision(i)));
        }
        assertTrue(s.message(rowOfLine(set, 2)).contains("Seed = 4021987733"), "the seed stays in the message");
        Path q = write(dir, "epoch.log", """
                1738920001 worker started
                1738920002 task failed
                """);
        TaskSet epoch = load(q);
        assertEquals("2025-02-07 09:20:02", TimeText.full(epoch.store().nanos(rowOfLine(epoch, 2)), 0), "a count that starts the line is its clock");
    }

    @org.junit.jupiter.api.Test
    void aClockThatStaysInOneSecondOverTheWholeSampleIsStillTheClock() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 450; i++) {
            text.append(String.format("2025-03-11 22:41:07, Info                  CBS    Session: 31164590_%010d initialized by client WindowsUpdateAgent.%n", i * 137L));
        }
        text.append("2025-03-11 22:41:08, Error                 CBS    Failed to get next element [HRESULT = 0x800f080d]\n");
        Path p = write(dir, "CBS.log", text.toString());
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals(451, s.size(), "every line its own event");
        assertEquals("2025-03-11 22:41:07", TimeText.full(s.nanos(rowOfLine(set, 1)), 0));
        assertEquals("2025-03-11 22:41:07", TimeText.full(s.nanos(rowOfLine(set, 450)), 0));
        assertEquals("2025-03-11 22:41:08", TimeText.full(s.nanos(rowOfLine(set, 451)), 0));
        assertEquals(Level.ERROR, s.level(rowOfLine(set, 451)));
        Path q = write(dir, "run.txt", """
                Loading model
                run 1738920001 step 1 loss 0.91
                run 1738920001 step 2 loss 0.88
                run 1738920001 step 3 loss 0.85
                """);
        TaskSet runs = load(q);
        for (int i = 0; i < runs.store().size(); i++) {
            assertTrue(runs.store().estimated(i), "a count repeated on every line is an id, not a clock: " + runs.store().message(i));
        }
    }

    @org.junit.jupiter.api.Test
    void aClockFirstSeenAfterTheSamplesLinesIsStillFound() throws Exception {
        StringBuilder text = new StringBuilder("java.lang.OutOfMemoryError: Java heap space\n");
        for (int i = 0; i < 420; i++) {
            text.append("\tat org.example.storage.BlockStore.put").append(i).append("(BlockStore.scala:").append(100 + i).append(")\n");
        }
        text.append("""
                17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]
                17/06/09 20:10:41 WARN storage.BlockManager: Putting block rdd_2_0 failed
                17/06/09 20:10:45 ERROR executor.Executor: Exception in task 0.0 in stage 1.0 (TID 7)
                """);
        Path p = write(dir, "stderr", text.toString());
        TaskSet set = load(p);
        EventStore s = set.store();
        assertEquals("2017-06-09 20:10:40", TimeText.full(s.nanos(rowOfLine(set, 422)), 0));
        assertEquals("2017-06-09 20:10:45", TimeText.full(s.nanos(rowOfLine(set, 424)), 0));
        assertEquals(Level.ERROR, s.level(rowOfLine(set, 424)));
        assertTrue(s.estimated(rowOfLine(set, 1)), "the trace before the first clock has no time of its own");
    }

    static int rowOfLine(TaskSet set, int line) {
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            if (s.line(i) == line) {
                return i;
            }
        }
        throw new AssertionError("no event on line " + line);
    }
}
