package faultline.importer.scan;

import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Level tokens as other programs write them, and where an untimed line's text starts after its level: a
 * level is read only where it is written as one, so an exception's name or a logger keeps its text.
 */
class LevelTokensTest {
    private static int level(String token) {
        byte[] b = token.getBytes(StandardCharsets.UTF_8);
        int lv = LevelWords.read(b, 0, b.length, null);
        return lv < 0 ? -1 : lv & 0xFF;
    }

    private static String afterLevel(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int at = LineLayout.afterLeadingLevel(b, 0, b.length);
        return at < 0 ? null : line.substring(at);
    }

    @Test
    void otherProgramsLevelWords() {
        assertEquals(Level.ERROR.ordinal(), level("production.ERROR:"), "Monolog's channel before the level");
        assertEquals(Level.DEBUG.ordinal(), level("local.DEBUG:"));
        assertEquals(Level.ERROR.ordinal(), level("ERRO[0005]"), "logrus on a terminal");
        assertEquals(Level.CRITICAL.ordinal(), level("FATA[0006]"));
        assertEquals(Level.ERROR.ordinal(), level("fail:"), ".NET's console logger");
        assertEquals(Level.INFO.ordinal(), level("LOG:"), "PostgreSQL");
        assertEquals(Level.INFO.ordinal(), level("DETAIL:"));
        assertEquals(-1, level("Log:"), "PostgreSQL's words count only in capitals");
        assertEquals(-1, level("DETAIL"), "and with their colon");
        assertEquals(-1, level("production.error:"), "a channel's level is in capitals");
        assertEquals(-1, level("node.js"));
        assertEquals(Level.INFO.ordinal(), level("[System]"), "MySQL 8's error log");
        assertEquals(Level.INFO.ordinal(), level("INF"), "zerolog's console writer");
        assertEquals(Level.DEBUG.ordinal(), level("DBG"));
        assertEquals(Level.WARNING.ordinal(), level("WRN"));
        assertEquals(Level.CRITICAL.ordinal(), level("FTL"));
        assertEquals(Level.INFO.ordinal(), level("[Note]"));
        assertEquals(Level.WARNING.ordinal(), level("[Warning]"));
    }

    @Test
    void anUntimedLinesLevelComesOffWhereItIsWrittenAsOne() {
        assertEquals("Started server process [4187]", afterLevel("INFO:     Started server process [4187]"));
        assertEquals("Invalid HTTP request received.", afterLevel("WARNING:  Invalid HTTP request received."));
        assertEquals("disk almost full", afterLevel("[WARNING] disk almost full"));
        assertEquals("job failed   job_id=j-9", afterLevel("ERRO[0005] job failed   job_id=j-9"));
        assertEquals(null, afterLevel("Error: frame 12 missing"), "an exception's name");
        assertEquals(null, afterLevel("INFO:root:loaded"), "basicConfig's logger after the level");
        assertEquals(null, afterLevel("ERRORS: 3"));
        assertEquals(null, afterLevel("I see"));
    }

    @Test
    void aLibrarysTagBeforeItsBracketedLevel() {
        assertEquals(Level.WARNING.ordinal(), leading("[TM][WARNING] [SeqMgr] #victim: 2"), "TurboMind under LMDeploy");
        assertEquals(Level.ERROR.ordinal(), leading("[TM][ERROR] CUDA runtime error: an illegal memory access was encountered"));
        assertEquals(-1, leading("[TM][Gemm2] 6144"), "a second tag is no level");
        assertEquals(-1, leading("[rank0][WARNING] x"), "a tag in lower case is a rank's prefix, read elsewhere");
    }

    private static int leading(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return LineLayout.leadingLevel(b, 0, b.length);
    }
}
