package faultline.model;

/** Reading the worker's messages the same way wherever they are looked at. */
public final class MessageText {
    private MessageText() {
    }

    /** The message without the worker's "COMPONENT: " prefix (upper-case letters, digits, '_'; at most 24 characters). */
    public static String withoutComponent(String m) {
        int n = Math.min(m.length(), 24);
        for (int i = 0; i < n; i++) {
            char c = m.charAt(i);
            if (c == ':' && i > 0 && i + 1 < m.length() && m.charAt(i + 1) == ' ') {
                return m.substring(i + 2);
            }
            if (!(c >= 'A' && c <= 'Z') && c != '_' && !(c >= '0' && c <= '9')) {
                return m;
            }
        }
        return m;
    }
}
