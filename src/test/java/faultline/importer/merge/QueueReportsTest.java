package faultline.importer.merge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the task queues' own words are read: dramatiq's actor calls and Sidekiq's failure reports. */
class QueueReportsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDramatiqMessageNamesItsActorAndItsIdAfterTheCall() {
        UnitVocabulary v = new UnitVocabulary();
        byte[] line = b("Received message rebuild_index(shard=3, owner='9f1c2e3d-4b5a-4c6d-8e7f-0a1b2c3d4e5f') with id '6f0e2d4c-8a1b-4c3d-9e5f-0a2b4c6d8e1f'.");
        assertTrue(v.find(line, 0, line.length));
        assertEquals("6f0e2d4c-8a1b-4c3d-9e5f-0a2b4c6d8e1f", v.id(line), "the message's id, not a UUID among the arguments");
        assertEquals("rebuild_index", v.actorName(line));
    }

    @Test
    void aFailureWithoutAnIdStillNamesTheActorButNoUnitInItsArguments() {
        UnitVocabulary v = new UnitVocabulary();
        byte[] line = b("Failed to process message rebuild_index(shard=3) with expected exception LockHeld.");
        assertFalse(v.find(line, 0, line.length), "shard=3 is an argument, not a shard");
        assertEquals("rebuild_index", v.actorName(line));
    }

    @Test
    void aCallThatDoesNotCloseOnTheLineIsNoActor() {
        UnitVocabulary v = new UnitVocabulary();
        byte[] line = b("Processed message render(')', [1, 2 in 5ms");
        v.find(line, 0, line.length);
        assertNull(v.actorName(line));
        byte[] prose = b("Message queue is empty");
        v.find(prose, 0, prose.length);
        assertNull(v.actorName(prose));
    }

    @Test
    void sidekiqsContextNamesTheJidInJsonAndInARubyHash() {
        byte[] json = b("{\"context\":\"Job raised exception\",\"job\":{\"class\":\"X\",\"jid\":\"7e1b04c9d2a3f5e6b8c0a1d2\"}}");
        assertTrue(JobReport.isContext(json, 0, json.length));
        assertEquals("7e1b04c9d2a3f5e6b8c0a1d2", JobReport.jid(json, 0, json.length));
        byte[] hash = b("{:context=>\"Job raised exception\", :job=>{\"class\"=>\"X\", \"jid\"=>\"0c5e7a9b1d3f2468ace0b2d4\"}}");
        assertTrue(JobReport.isContext(hash, 0, hash.length));
        assertEquals("0c5e7a9b1d3f2468ace0b2d4", JobReport.jid(hash, 0, hash.length));
        byte[] other = b("{\"context\":\"Exception during Sidekiq lifecycle event.\"}");
        assertFalse(JobReport.isContext(other, 0, other.length));
    }
}
