package faultline.importer.scan;

import faultline.importer.time.Clock;
import faultline.model.Level;

/**
 * Level tokens as log layouts write them: full words in any case ({@code ERROR}, {@code Error},
 * {@code warning}), short forms ({@code WARN}, {@code ERR}, {@code CRIT}), single letters
 * ({@code E}, {@code W}, {@code I}, {@code D}, {@code V}, {@code F}), bracketed or padded
 * ({@code [INFO   ]}, {@code [error]}), with a process after a slash ({@code ERROR/ForkPoolWorker-3}),
 * and syslog priorities ({@code <3>}). Read from bytes; -1 when the token is no level.
 */
final class LevelWords {
    private LevelWords() {
    }

    private static final String[][] WORDS = {
            {"TRACE", "DEBUG"}, {"DEBUG", "DEBUG"}, {"VERBOSE", "DEBUG"}, {"FINE", "DEBUG"}, {"FINER", "DEBUG"},
            {"INFO", "INFO"}, {"INFORMATION", "INFO"}, {"NOTICE", "INFO"}, {"SUCCESS", "INFO"},
            {"WARN", "WARNING"}, {"WARNING", "WARNING"},
            {"ERROR", "ERROR"}, {"ERR", "ERROR"}, {"SEVERE", "ERROR"}, {"FAILURE", "ERROR"},
            {"CRITICAL", "CRITICAL"}, {"CRIT", "CRITICAL"}, {"FATAL", "CRITICAL"}, {"ALERT", "CRITICAL"},
            {"EMERG", "CRITICAL"}, {"EMERGENCY", "CRITICAL"}, {"PANIC", "CRITICAL"},
            // logrus cuts its levels to four letters on a terminal (ERRO[0005]).
            {"ERRO", "ERROR"}, {"FATA", "CRITICAL"}, {"DEBU", "DEBUG"}, {"TRAC", "DEBUG"}, {"PANI", "CRITICAL"},
            // .NET's console logger: "fail: Worker[0]", "dbug:", "trce:" (info, warn and crit are words above).
            {"FAIL", "ERROR"}, {"DBUG", "DEBUG"}, {"TRCE", "DEBUG"},
            // supervisord's: CRIT, ERRO, WARN, INFO, DEBG, TRAC, BLAT.
            {"DEBG", "DEBUG"}, {"BLAT", "DEBUG"},
            // MySQL 8's error log: "[System]", "[Note]" beside "[Warning]" and "[ERROR]".
            {"NOTE", "INFO"}, {"SYSTEM", "INFO"},
            // Ray's CLI logger when its output is no terminal: "SUCC cli.py:39 -- Job submitted successfully".
            {"SUCC", "INFO"},
            // SwarmUI's start-up messages: "[Init] Loading settings file..." beside "[Info]", "[Debug]" and "[Verbose]".
            {"INIT", "INFO"},
            // zerolog's console writer (LocalAI's): TRC, DBG, INF, WRN, ERR, FTL, PNC.
            {"TRC", "DEBUG"}, {"DBG", "DEBUG"}, {"INF", "INFO"}, {"WRN", "WARNING"}, {"FTL", "CRITICAL"}, {"PNC", "CRITICAL"}};
    private static final byte[][] WORD_BYTES = new byte[WORDS.length][];
    private static final int[] WORD_LEVEL = new int[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            WORD_BYTES[i] = WORDS[i][0].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            WORD_LEVEL[i] = Level.valueOf(WORDS[i][1]).ordinal();
        }
    }

    /** Set by {@link #read}: the token held a single letter, not a word. */
    static final int LETTER = 1 << 8;
    /** Set by {@link #read}: the word was written in lower or mixed case. */
    static final int NOT_UPPER = 1 << 9;

    /**
     * The level of the token [p, e), with flags {@link #LETTER} and {@link #NOT_UPPER} above the
     * level's ordinal, or -1. {@code slash} receives the index after a {@code /} that follows the
     * word (a process name), or -1.
     */
    static int read(byte[] b, int p, int e, int[] slash) {
        int q = p + keyLength(b, p, e);
        if (q < e && b[q] == '"') {
            q++; // level="info"
        }
        if (q < e && (b[q] == '[' || b[q] == '(')) {
            boolean square = b[q] == '[';
            q++;
            while (q < e && b[q] == ' ') {
                q++;
            }
            if (square) {
                // Apache 2.4's module before the level: "[core:error]", "[mpm_event:notice]", "[ssl:warn]".
                int r = q;
                while (r < e && r - q < 32 && (Clock.isLetter(b[r]) || Clock.isDigit(b[r]) || b[r] == '_')) {
                    r++;
                }
                if (r > q && r + 1 < e && b[r] == ':' && Clock.isLetter(b[r + 1])) {
                    q = r + 1;
                }
            }
        }
        if (q < e && b[q] == '<') {
            return priority(b, q, e);
        }
        int w = q;
        boolean upper = true;
        while (q < e && q - w < 12 && Clock.isLetter(b[q])) {
            if (b[q] >= 'a') {
                upper = false;
            }
            q++;
        }
        if (!upper && q - w >= 2 && q + 2 < e && b[q] == '.' && b[q + 1] >= 'A' && b[q + 1] <= 'Z') {
            // Monolog's (Laravel's) channel before the level: "production.ERROR:", "local.DEBUG:".
            int c = q + 1;
            while (c < e && c - q < 12 && b[c] >= 'A' && b[c] <= 'Z') {
                c++;
            }
            if (c < e && b[c] == ':') {
                w = q + 1;
                q = c;
                upper = true;
            }
        }
        int len = q - w;
        if (len == 0 || (q < e && !follows(b[q]))) {
            return -1;
        }
        if (slash != null) {
            slash[0] = q < e && b[q] == '/' ? q + 1 : -1;
        }
        if (len == 1) {
            switch (b[w]) {
                case 'V': case 'D': case 'T': return Level.DEBUG.ordinal() | LETTER;
                case 'I': return Level.INFO.ordinal() | LETTER;
                case 'W': return Level.WARNING.ordinal() | LETTER;
                case 'E': return Level.ERROR.ordinal() | LETTER;
                case 'F': case 'C': case 'A': return Level.CRITICAL.ordinal() | LETTER;
                default: return -1;
            }
        }
        for (int i = 0; i < WORD_BYTES.length; i++) {
            byte[] word = WORD_BYTES[i];
            if (word.length == len && sameIgnoringCase(b, w, word)) {
                return WORD_LEVEL[i] | (upper ? 0 : NOT_UPPER);
            }
        }
        if (upper && q < e && b[q] == ':') {
            for (byte[] word : FIELD_WORDS) {
                if (word.length == len && sameIgnoringCase(b, w, word)) {
                    return Level.INFO.ordinal();
                }
            }
        }
        return -1;
    }

    /**
     * PostgreSQL's severities below a warning and the fields it writes under a message ({@code LOG:  …},
     * {@code DETAIL:  …}, {@code STATEMENT:  …}): levels only in capitals with their colon, where "Log:" or
     * "Context:" in other text is a word.
     */
    private static final byte[][] FIELD_WORDS = {"LOG".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "DETAIL".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "HINT".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "STATEMENT".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "CONTEXT".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "QUERY".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "LOCATION".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};

    private static final byte[][] KEYS = {"level=".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "lvl=".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "severity=".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};

    /** The length of a logfmt key before the level ({@code level=INFO}), or 0. */
    private static int keyLength(byte[] b, int p, int e) {
        if (p >= e || ((b[p] | 0x20) != 'l' && (b[p] | 0x20) != 's')) {
            return 0;
        }
        for (byte[] k : KEYS) {
            if (p + k.length < e) {
                boolean same = true;
                for (int i = 0; i < k.length && same; i++) {
                    same = (b[p + i] | (k[i] == '=' ? 0 : 0x20)) == k[i];
                }
                if (same) {
                    return k.length;
                }
            }
        }
        return 0;
    }

    /** A syslog priority {@code <N>}: the severity is N modulo 8. */
    private static int priority(byte[] b, int p, int e) {
        int q = p + 1;
        int v = 0;
        while (q < e && q - p < 5 && Clock.isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        if (q == p + 1 || q >= e || b[q] != '>') {
            return -1;
        }
        int sev = v % 8;
        if (sev <= 2) {
            return Level.CRITICAL.ordinal();
        }
        return sev == 3 ? Level.ERROR.ordinal() : sev == 4 ? Level.WARNING.ordinal() : sev == 7 ? Level.DEBUG.ordinal() : Level.INFO.ordinal();
    }

    private static boolean follows(byte c) {
        // '[': a level glued to a counter or a code (logrus's "WARN[0003]", rustc's "error[E0308]:").
        return c == ']' || c == ')' || c == ':' || c == '/' || c == ',' || c == '|' || c == ' ' || c == '\t' || c == '>' || c == '[';
    }

    private static boolean sameIgnoringCase(byte[] b, int p, byte[] upperWord) {
        for (int i = 0; i < upperWord.length; i++) {
            int c = b[p + i];
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upperWord[i]) {
                return false;
            }
        }
        return true;
    }
}
