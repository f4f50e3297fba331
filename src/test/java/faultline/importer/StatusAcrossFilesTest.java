package faultline.importer;

import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task's status from a worker's console and a printed tasks row, whichever is opened, in whichever order. */
class StatusAcrossFilesTest {
    @TempDir
    Path dir;

    static final String ID = "5e6f7a8b-1111-4222-8333-999988887777";

    private Path console(boolean retried) throws Exception {
        StringBuilder s = new StringBuilder();
        s.append("[09:00:01] INFO HEADLESS [Task ").append(ID).append("] Processing travel_segment task\n");
        s.append("[09:00:05] ❌ QUEUE [Task ").append(ID).append("] [TASK_ERROR] Task ").append(ID)
                .append(" failed after 4.0s: RuntimeError: CUDA error: out of memory\n");
        if (retried) {
            s.append("[09:00:05] INFO QUEUE [Task ").append(ID).append("] Task ").append(ID)
                    .append(" failed with retryable error (oom), requeuing for retry (attempt 1/3)\n");
            s.append("[09:02:00] INFO HEADLESS [Task ").append(ID).append("] [CLAIM] Claimed task ").append(ID).append(" (type=travel_segment)\n");
            s.append("[09:02:01] INFO HEADLESS [Task ").append(ID).append("] Processing travel_segment task\n");
            s.append("[09:03:30] ✅ HEADLESS [Task ").append(ID).append("] Task completed successfully: /out/clip.mp4\n");
        }
        s.append("[09:03:31] INFO HEADLESS Shutting down task queue...\n");
        return write(dir, "gpu-20250302_085500-1a2b3c4d.log", s.toString());
    }

    private Path printedRow() throws Exception {
        return write(dir, "task_row.txt", "📋 Task Details:\n  id: " + ID + "\n  task_type: travel_segment\n  status: In Progress\n"
                + "  worker_id: gpu-20250302_085500-1a2b3c4d\n  created_at: 2025-03-02T08:59:58.5+00:00\n"
                + "  updated_at: 2025-03-02T09:00:01.2+00:00\n  generation_started_at: 2025-03-02T09:00:01.2+00:00\n");
    }

    @Test
    void aFailureInTheConsoleStandsAgainstAnOlderRowWhicheverIsOpenedFirst() throws Exception {
        Path console = console(false);
        Path row = printedRow();
        assertEquals(TaskStatus.FAILED, task(load(console), ID).status());
        assertEquals(TaskStatus.IN_PROGRESS, task(load(row), ID).status());
        assertEquals(TaskStatus.FAILED, task(load(console, row), ID).status());
        assertEquals(TaskStatus.FAILED, task(load(row, console), ID).status());
    }

    @Test
    void aRequeueAndANewAttemptThatCompletesEndComplete() throws Exception {
        TaskSet set = load(console(true), printedRow());
        assertEquals(TaskStatus.COMPLETE, task(set, ID).status(), "the failure was retried and the retry succeeded");
    }
}
