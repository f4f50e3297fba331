package faultline.importer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A task queue's worker node, named once in a file's head, is the worker of the file's tasks. */
class QueueWorkerTest {
    @Test
    void celeryBannerAndReadyLineNameTheNode() {
        assertEquals("celery@vid-gen-12", Importer.queueWorker(" -------------- celery@vid-gen-12 v5.3.6 (emerald-rush)\n"
                + "[2025-05-06 07:40:14,318: INFO/MainProcess] celery@vid-gen-12 ready.\n"));
        assertEquals("w1@gpu-3.local", Importer.queueWorker("[2025-05-06 07:40:14,318: INFO/MainProcess] w1@gpu-3.local ready.\n"));
    }

    @Test
    void rqWorkerStartNamesTheWorker() {
        assertEquals("rq:worker:4f1c2e", Importer.queueWorker("11:47:40 Worker rq:worker:4f1c2e started with PID 90, version 1.16.2\n"));
    }

    @Test
    void severalNodesOrNoneLeaveTheWorkerOpen() {
        assertNull(Importer.queueWorker("w-1 | [t: INFO/MainProcess] celery@a41c ready.\nw-2 | [t: INFO/MainProcess] celery@c07b ready.\n"));
        assertNull(Importer.queueWorker("[t: INFO/MainProcess] Connected to redis://queue:6379/0\nmail to ops@example.org ready.\n"));
    }
}
