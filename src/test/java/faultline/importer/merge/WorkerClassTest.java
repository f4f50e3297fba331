package faultline.importer.merge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The class a Sidekiq line writes before the jid (lines written here, values made up). */
class WorkerClassTest {
    private static String classOf(String message, String id) {
        byte[] b = message.getBytes(StandardCharsets.US_ASCII);
        int at = message.indexOf(id);
        return WorkerClass.before(b, 0, at, at + id.length());
    }

    @Test
    void theClassKeyBeforeTheJid() {
        assertEquals("HardWorker", classOf("pid=7 tid=2m0b class=HardWorker jid=c41e9a07b3d2 INFO: start", "c41e9a07b3d2"));
        assertEquals("Mailers::DigestJob", classOf("pid=7 tid=2m0b class=Mailers::DigestJob jid=c41e9a07b3d2 INFO: start", "c41e9a07b3d2"));
        assertNull(classOf("pid=7 tid=2m0b jid=c41e9a07b3d2 INFO: start", "c41e9a07b3d2"));
        assertNull(classOf("pid=7 subclass=X jid=c41e9a07b3d2 INFO: start", "c41e9a07b3d2"));
    }

    @Test
    void sidekiq5WritesTheClassBareBeforeJid() {
        assertEquals("HardWorker", classOf("412 TID-gt2aq HardWorker JID-7e1b04c9d2a3 INFO: start", "JID-7e1b04c9d2a3"));
        assertNull(classOf("412 TID-gt2aq JID-7e1b04c9d2a3 INFO: start", "JID-7e1b04c9d2a3"), "a thread is no class");
        assertNull(classOf("WARN JID-7e1b04c9d2a3 retried", "JID-7e1b04c9d2a3"), "a level word is no class");
    }
}
