package faultline.importer;

import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An elastic agent (torchrun) that restarts its worker group after a rank failed starts every rank again: the
 * second launch's ranks are units of their own, named for the restart; the first launch keeps its failed rank
 * and its stopped siblings, and the second launch's ranks end as the agent says the group ended, whatever the
 * logging layout of the agent's lines.
 */
class RestartedWorkerGroupTest {
    @TempDir
    Path dir;

    /** The agent's lines as the given layout writes them, around the ranks' own prefixed lines. */
    private static String run(java.util.function.Function<String, String> agent) {
        return String.join("\n",
                agent.apply("[default] Starting worker group"),
                "[rank0]: loading 4 shards",
                "[rank1]: loading 4 shards",
                "[rank1]: Traceback (most recent call last):",
                "[rank1]:   File \"/srv/job/fit.py\", line 30, in <module>",
                "[rank1]:     step()",
                "[rank1]:   File \"/srv/job/fit.py\", line 12, in step",
                "[rank1]:     raise KeyError(\"labels\")",
                "[rank1]: KeyError: 'labels'",
                agent.apply("[default] Worker group FAILED. 1/1 attempts left; will restart worker group"),
                agent.apply("[default] Starting worker group"),
                "[rank0]: loading 4 shards",
                "[rank1]: loading 4 shards",
                "[rank0]: done",
                "[rank1]: done",
                agent.apply("[default] worker group successfully finished. Waiting 300 seconds for other agents to finish."),
                "");
    }

    private Map<String, TaskStatus> statuses(String text) throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "agent.log", text));
        return set.tasks().stream().collect(Collectors.toMap(Task::id, Task::status, (a, b) -> a, TreeMap::new));
    }

    private static final Map<String, TaskStatus> EXPECTED = Map.of(
            "rank0", TaskStatus.CANCELLED,
            "rank1", TaskStatus.FAILED,
            "rank0 (restart 1)", TaskStatus.COMPLETE,
            "rank1 (restart 1)", TaskStatus.COMPLETE);

    @Test
    void glogAgentLines() throws Exception {
        int[] n = {0};
        assertEquals(new TreeMap<>(EXPECTED), statuses(run(m -> String.format(
                "I0302 10:11:%02d.000000 811 torch/distributed/elastic/agent/server/api.py:680] %s", n[0]++, m))));
    }

    @Test
    void pythonLoggingAgentLines() throws Exception {
        int[] n = {0};
        assertEquals(new TreeMap<>(EXPECTED), statuses(run(m -> String.format(
                "[2025-03-02 10:11:%02d,000] torch.distributed.elastic.agent.server.api: [INFO] %s", n[0]++, m))));
    }

    @Test
    void untimedAgentLines() throws Exception {
        assertEquals(new TreeMap<>(EXPECTED), statuses(run(m -> "INFO:torch.distributed.elastic.agent.server.api:" + m)));
    }

    @Test
    void aLogThatEndsInTheSecondLaunchLeavesItsRanksRunning() throws Exception {
        String text = run(m -> "I0302 10:11:12.000000 811 torch/distributed/elastic/agent/server/api.py:680] " + m);
        text = text.substring(0, text.indexOf("I0302", text.indexOf("[rank1]: done")));
        Map<String, TaskStatus> got = statuses(text);
        assertEquals(TaskStatus.FAILED, got.get("rank1"));
        assertEquals(TaskStatus.CANCELLED, got.get("rank0"));
        // Started after the failure, not stopped by it: the sibling rule leaves them as their lines say.
        assertEquals(got.get("rank0 (restart 1)"), got.get("rank1 (restart 1)"));
        assertEquals(false, got.get("rank0 (restart 1)") == TaskStatus.CANCELLED, got.toString());
    }

    @Test
    void aRunWithoutRestartKeepsItsRankNames() throws Exception {
        String text = String.join("\n",
                "I0302 10:11:12.000000 811 torch/distributed/elastic/agent/server/api.py:680] [default] Starting worker group",
                "[rank0]: done",
                "[rank1]: done",
                "I0302 10:12:12.000000 811 torch/distributed/elastic/agent/server/api.py:864] [default] worker group successfully finished. Waiting 300 seconds for other agents to finish.",
                "");
        assertEquals(new TreeMap<>(Map.of("rank0", TaskStatus.COMPLETE, "rank1", TaskStatus.COMPLETE)), statuses(text));
    }
}
