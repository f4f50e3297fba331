package faultline.importer.merge;

import faultline.model.Stamp;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rule that settles a task's status from rows and lines, whatever order they were read in. */
class StatusEvidenceTest {
    private static Stamp at(long seconds) {
        return new Stamp(seconds * 1_000_000_000L, 3, false);
    }

    private static TaskDraft draft() {
        return new TaskDraft("aaaaaaaa-1111-4222-8333-444455556666");
    }

    @Test
    void aLaterFailureLineBeatsAnOlderInProgressRow() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.FAILED, at(200), "gpu-b");
        d.rowStatus(TaskStatus.IN_PROGRESS, at(100), null, at(90), at(80), "gpu-a");
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status);
        assertEquals("gpu-b", d.workerId, "the worker of the deciding line");
        assertEquals(200_000_000_000L, d.ended.nanos());
    }

    @Test
    void aUnitSaidToBeOverCompletedUnlessItsFailureCameFirst() {
        TaskDraft ok = draft();
        ok.startedAgain(at(100), null);
        ok.over(at(107), null);
        ok.settle();
        assertEquals(TaskStatus.COMPLETE, ok.status, "over, and nothing failed");
        TaskDraft failed = draft();
        failed.startedAgain(at(100), null);
        failed.lineStatus(TaskStatus.FAILED, at(105), null);
        failed.over(at(107), null);
        failed.settle();
        assertEquals(TaskStatus.FAILED, failed.status, "ComfyUI's 'Prompt executed in' after its failure");
        assertEquals(105_000_000_000L, failed.ended.nanos(), "ended when it failed");
    }

    @Test
    void aCancelAfterTheFailureLeavesItFailedButStandsOnItsOwn() {
        TaskDraft d = draft();
        d.startedAgain(at(100), null);
        d.lineStatus(TaskStatus.FAILED, at(105), null);
        d.lineStatus(TaskStatus.CANCELLED, at(106), null);
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status, "vLLM's 'Aborted request' for a request its dead engine held");
        assertEquals(105_000_000_000L, d.ended.nanos());
        TaskDraft c = draft();
        c.startedAgain(at(100), null);
        c.lineStatus(TaskStatus.CANCELLED, at(106), null);
        c.settle();
        assertEquals(TaskStatus.CANCELLED, c.status, "a client that went away");
        TaskDraft later = draft();
        later.lineStatus(TaskStatus.CANCELLED, at(100), null);
        later.lineStatus(TaskStatus.FAILED, at(101), null);
        later.settle();
        assertEquals(TaskStatus.FAILED, later.status, "a later failure still replaces a cancel");
    }

    @Test
    void linesAfterTheEndDoNotReopenTheTask() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.FAILED, at(100), null);
        d.lineStatus(TaskStatus.IN_PROGRESS, at(101), null);
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status);
    }

    @Test
    void aRequeueAfterTheFailureReopensItOnceTheNextAttemptStarts() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.FAILED, at(100), null);
        d.retried(at(101), null);
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status, "no attempt after the requeue: the failure is the last thing that happened");

        TaskDraft again = draft();
        again.lineStatus(TaskStatus.FAILED, at(100), null);
        again.retried(at(101), null);
        again.startedAgain(at(130), "gpu-b");
        again.settle();
        assertEquals(TaskStatus.IN_PROGRESS, again.status, "the next attempt runs");
        assertNull(again.ended, "a task running again has not ended");
        assertEquals("gpu-b", again.workerId);

        TaskDraft e = draft();
        e.lineStatus(TaskStatus.COMPLETE, at(300), null);
        e.startedAgain(at(130), null);
        e.retried(at(101), null);
        e.lineStatus(TaskStatus.FAILED, at(100), null);
        e.settle();
        assertEquals(TaskStatus.COMPLETE, e.status, "the retry succeeded");

        TaskDraft q = draft();
        q.retried(at(101), null);
        q.settle();
        assertEquals(TaskStatus.QUEUED, q.status, "a requeue of a task not known to have ended");
    }

    @Test
    void aStartAfterTheEndWithoutARequeueDoesNotReopen() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.FAILED, at(100), null);
        d.startedAgain(at(101), null);
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status);
    }

    @Test
    void theRowsEndStandsAgainstALineThatDidNotChangeIt() {
        TaskDraft d = draft();
        d.rowStatus(TaskStatus.FAILED, at(100), null, null, at(10), null);
        d.lineStatus(TaskStatus.COMPLETE, at(101), null);
        d.settle();
        assertEquals(TaskStatus.FAILED, d.status);
    }

    @Test
    void aRowUpdatedAfterAFailureShowsARetry() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.FAILED, at(100), null);
        d.rowStatus(TaskStatus.QUEUED, at(150), null, null, at(10), null);
        d.settle();
        assertEquals(TaskStatus.QUEUED, d.status);
    }

    @Test
    void aRowWithoutTimesEndsATaskTheLinesLeftRunningButDoesNotReopenOne() {
        TaskDraft d = draft();
        d.lineStatus(TaskStatus.IN_PROGRESS, at(100), null);
        d.rowStatus(TaskStatus.CANCELLED, null, null, null, null, null);
        d.settle();
        assertEquals(TaskStatus.CANCELLED, d.status);

        TaskDraft e = draft();
        e.lineStatus(TaskStatus.FAILED, at(100), null);
        e.rowStatus(TaskStatus.IN_PROGRESS, null, null, null, null, null);
        e.settle();
        assertEquals(TaskStatus.FAILED, e.status);
    }

    @Test
    void theOrderOfReadingDoesNotMatter() {
        TaskDraft a = draft();
        a.rowStatus(TaskStatus.IN_PROGRESS, at(100), null, null, null, null);
        a.lineStatus(TaskStatus.FAILED, at(200), null);
        TaskDraft b = draft();
        b.lineStatus(TaskStatus.FAILED, at(200), null);
        TaskDraft other = draft();
        other.rowStatus(TaskStatus.IN_PROGRESS, at(100), null, null, null, null);
        b.mergeFrom(other);
        a.settle();
        b.settle();
        assertEquals(TaskStatus.FAILED, a.status);
        assertEquals(a.status, b.status);
    }
}
