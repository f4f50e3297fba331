package faultline.importer.merge;

import java.nio.charset.StandardCharsets;

/**
 * Sidekiq's error handler reports a job that raised after its job logger wrote "fail", on the same thread but outside
 * the job's log context: the context ({@code {"context":"Job raised exception","job":{…}}}, as JSON since Sidekiq 4,
 * as a Ruby hash {@code {:context=>"Job raised exception", …}} before), then "Class: message", then the backtrace.
 * None of these lines names the job as its own lines do (jid=, JID-), so they are the job the thread ended last.
 */
public final class JobReport {
    private static final byte[] JSON = "{\"context\":\"Job raised exception\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RUBY_HASH = "{:context=>\"Job raised exception\"".getBytes(StandardCharsets.US_ASCII);

    private JobReport() {
    }

    private static final String[] JID_KEYS = {"\"jid\":\"", "\"jid\"=>\""};

    /** The jid the context names ({@code "jid":"7e1b…"}), or null. */
    public static String jid(byte[] b, int m, int e) {
        for (String key : JID_KEYS) {
            int at = faultline.importer.scan.Bytes.indexOf(b, m, e, key);
            if (at >= 0) {
                int s = at + key.length();
                int t = s;
                while (t < e && t - s < 64 && b[t] != '"' && b[t] != '\\') {
                    t++;
                }
                if (t < e && b[t] == '"' && t > s) {
                    return new String(b, s, t - s, StandardCharsets.US_ASCII);
                }
            }
        }
        return null;
    }

    /** Whether the message [m, e) is the context of a job that raised. */
    public static boolean isContext(byte[] b, int m, int e) {
        return m < e && b[m] == '{' && (UnitVocabulary.startsWith(b, m, e, JSON) || UnitVocabulary.startsWith(b, m, e, RUBY_HASH));
    }
}
