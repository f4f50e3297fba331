package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranks that crash at the same moment write their prefixed lines interleaved: each rank's lines are one event
 * of that rank, its traceback or abort whole, with its own exception and frames and none of the other rank's.
 */
class InterleavedRankTracebacksTest {
    @TempDir
    Path dir;

    /** The events that open a traceback or an abort, in file order. */
    private static List<Integer> crashEvents(TaskSet set) {
        List<Integer> out = new ArrayList<>();
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            String m = s.message(i);
            if (m.startsWith("Traceback (most recent call last):") || m.startsWith("terminate called after throwing")) {
                out.add(i);
            }
        }
        return out;
    }

    private static String unit(TaskSet set, int row) {
        int t = set.store().task(row);
        return t < 0 ? null : set.tasks().get(t).id();
    }

    @Test
    void twoPythonTracebacksPrintedAtOnce() throws Exception {
        Path f = Path.of(getClass().getResource("/faultline/layouts/torchrun/torchrun-interleaved-tracebacks.log").toURI());
        TaskSet set = Fixtures.load(f);
        List<Integer> crashes = crashEvents(set);
        assertEquals(2, crashes.size(), "one event per rank's traceback");
        String rank0 = set.store().message(crashes.get(0));
        String rank1 = set.store().message(crashes.get(1));
        assertEquals("rank0", unit(set, crashes.get(0)));
        assertEquals("rank1", unit(set, crashes.get(1)));
        assertTrue(rank0.contains("in sync_stats") && rank0.endsWith("NCCL communicator was aborted on rank 0."), rank0);
        assertFalse(rank0.contains("evaluate") || rank0.contains("FileNotFoundError"), rank0);
        assertTrue(rank1.contains("in evaluate") && rank1.contains("FileNotFoundError: missing audio"), rank1);
        assertFalse(rank1.contains("sync_stats") || rank1.contains("DistBackendError"), rank1);
        Analyzer analyzer = new Analyzer(set);
        Crash c0 = analyzer.crashOf(set.find("rank0").orElseThrow());
        Crash c1 = analyzer.crashOf(set.find("rank1").orElseThrow());
        assertEquals("torch.distributed.DistBackendError", c0.exceptionType());
        assertEquals("sync_stats (engine.py:96)", c0.site().text());
        assertEquals("FileNotFoundError", c1.exceptionType());
        assertEquals("evaluate (engine.py:203)", c1.site().text());
    }

    @Test
    void twoAbortsPrintedAtOnce() throws Exception {
        String text = String.join("\n",
                "I0901 02:00:00.000000 700 torch/distributed/run.py:793] starting",
                "[rank2]: step 88 loss 1.204",
                "[rank3]: step 88 loss 1.199",
                "[rank2]: terminate called after throwing an instance of 'c10::DistBackendError'",
                "[rank3]: terminate called after throwing an instance of 'c10::DistBackendError'",
                "[rank2]:   what():  [PG ID 0 PG GUID 0 Rank 2] Process group watchdog thread terminated with exception: NCCL error: remote process exited",
                "[rank3]:   what():  [PG ID 0 PG GUID 0 Rank 3] Process group watchdog thread terminated with exception: NCCL error: unhandled system error",
                "[rank2]: Exception raised from checkForNCCLErrorsInternal at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:2027 (most recent call first):",
                "[rank3]: Exception raised from checkForNCCLErrorsInternal at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:2027 (most recent call first):",
                "[rank2]: frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f10aa01c446 in /venv/lib/libc10.so)",
                "[rank3]: frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f22bb01c446 in /venv/lib/libc10.so)",
                "[rank3]: frame #1: <unknown function> + 0x1124b2 (0x7f22bb1124b2 in /venv/lib/libtorch_cuda.so)",
                "[rank2]: frame #1: <unknown function> + 0x1124b2 (0x7f10aa1124b2 in /venv/lib/libtorch_cuda.so)",
                "E0901 02:00:09.000000 700 torch/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -6) local_rank: 2 (pid: 733) of binary: /venv/bin/python",
                "");
        TaskSet set = Fixtures.load(Fixtures.write(dir, "abort.log", text));
        List<Integer> crashes = crashEvents(set);
        assertEquals(2, crashes.size(), "one event per rank's abort");
        assertEquals("rank2", unit(set, crashes.get(0)));
        assertEquals("rank3", unit(set, crashes.get(1)));
        String rank2 = set.store().message(crashes.get(0));
        String rank3 = set.store().message(crashes.get(1));
        assertTrue(rank2.contains("remote process exited") && rank2.contains("0x7f10aa1124b2"), rank2);
        assertFalse(rank2.contains("0x7f22bb") || rank2.contains("unhandled system error"), rank2);
        assertTrue(rank3.contains("unhandled system error") && rank3.contains("0x7f22bb1124b2"), rank3);
        assertFalse(rank3.contains("0x7f10aa") || rank3.contains("remote process exited"), rank3);
        for (Task t : set.tasks()) {
            assertEquals(TaskStatus.FAILED, t.status(), t.id());
        }
    }

    @Test
    void aRankThatGoesOnAfterAnotherRanksLineStillStartsItsOwnEvents() throws Exception {
        // Not a traceback: print lines of two ranks stay one event a line, each its rank's.
        String text = String.join("\n",
                "I0901 02:00:00.000000 700 torch/distributed/run.py:793] starting",
                "[rank0]: epoch 1",
                "[rank1]: epoch 1",
                "[rank0]: epoch 2",
                "[rank1]: epoch 2",
                "");
        TaskSet set = Fixtures.load(Fixtures.write(dir, "prints.log", text));
        assertEquals(5, set.store().size());
        assertEquals(List.of("rank0", "rank1", "rank0", "rank1"),
                List.of(unit(set, 1), unit(set, 2), unit(set, 3), unit(set, 4)));
    }
}
