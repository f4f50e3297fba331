package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.ParseReport.Repair;
import faultline.model.Task;
import faultline.model.TaskStatus;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.messages;
import static faultline.importer.Fixtures.report;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs that went through a chat, a mail or a web page before they were saved. Lines written here. */
class PastedLogTest {
    @TempDir
    Path dir;

    @Test
    void aDoubleSpacedTracebackIsOneEventUpToItsExceptionLine() throws Exception {
        TaskSet set = load(write(dir, "paste.txt", String.join("\n",
                "2025-05-14 02:11:09,880 ERROR worker: job 5e0c2b1a raised",
                "Traceback (most recent call last):",
                "",
                "File \u201C/opt/w/tasks.py\u201D, line 212, in run_job",
                "",
                "frames = pipeline(**params)",
                "",
                "IndexError: index 31 is out of bounds",
                "",
                "The operator restarted the worker after this.",
                "")));
        String text = set.store().message(row(set, "job 5e0c2b1a raised"));
        assertTrue(text.endsWith("IndexError: index 31 is out of bounds"), "frames, source and exception line are the record's: " + text);
        assertTrue(messages(set).contains("The operator restarted the worker after this."),
                "a blank line after the exception line ends the traceback: " + messages(set));
    }

    @Test
    void aBlankLineStillEndsATracebackThatIsNotDoubleSpaced() throws Exception {
        TaskSet set = load(write(dir, "cut.txt", String.join("\n",
                "2025-05-14 02:11:09,880 ERROR worker: job 5e0c2b1a raised",
                "Traceback (most recent call last):",
                "  File \"/opt/w/tasks.py\", line 212, in run_job",
                "    frames = pipeline(**params)",
                "",
                "Notes: the paste above was cut here.",
                "")));
        assertTrue(messages(set).contains("Notes: the paste above was cut here."),
                "text after a blank line under a cut traceback is not its exception line: " + messages(set));
    }

    @Test
    void quoteMarksAreTakenOffAndSaidSo() throws Exception {
        TaskSet set = load(write(dir, "reply.txt", String.join("\n",
                "> 2025-05-15 03:02:11.204 | INFO     | render.worker:claim:88 - claimed job 0b7d5e21",
                "> 2025-05-15 03:02:44.017 | ERROR    | render.worker:run:131 - job 0b7d5e21 crashed",
                "> Traceback (most recent call last):",
                ">",
                ">   File \"/srv/render/encode.py\", line 57, in encode",
                ">     return CODECS[codec](frames)",
                ">",
                "> KeyError: 'av1_nvenc'",
                "")));
        assertEquals(2, set.store().size(), "two records, the traceback in the second: " + messages(set));
        assertTrue(set.store().message(0).contains("claimed job 0b7d5e21") && !set.store().message(0).startsWith(">"), set.store().message(0));
        assertTrue(report(set, 0).repairs().containsKey(Repair.QUOTE_MARKS), "the report says the marks were taken off");
        Task job = set.tasks().stream().filter(t -> t.id().equals("0b7d5e21")).findFirst().orElseThrow();
        assertEquals(TaskStatus.FAILED, job.status());
        Crash c = new Analyzer(set).crashOf(job);
        assertEquals("KeyError", c.exceptionType());
        assertEquals("encode (encode.py:57)", c.site().text());
    }
}
