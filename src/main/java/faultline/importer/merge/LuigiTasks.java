package faultline.importer.merge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Luigi names a task twice: the scheduler's lines write its task_id ({@code TranscodeClips_2025_05_14_7f02d4c8e1}: the
 * family, the first three parameter values in the order of their names, each cut to 16 characters, then ten hex digits
 * of a hash), the worker's lines its repr ({@code TranscodeClips(date=2025-05-14)}). A repr is the task whose id the
 * file wrote with the same family and values; when the values do not give one (a parameter left out of the repr), the
 * first id of the family that no repr has taken yet, in the order the file wrote them.
 */
public final class LuigiTasks {
    /** Luigi's task_id keeps at most this many parameter values, each cut to this length. */
    private static final int PARAMS = 3;
    private static final int VALUE_CHARS = 16;
    private static final int HASH_CHARS = 10;
    private static final int MAX_REPR = 1024;

    private record Seen(String id, int ref) {
    }

    private final List<Seen> ids = new ArrayList<>();
    private final Map<String, Integer> byRepr = new HashMap<>();
    private final java.util.BitSet taken = new java.util.BitSet();

    /** Whether the file wrote any id of Luigi's shape: only then is a line's repr looked at. */
    public boolean any() {
        return !ids.isEmpty();
    }

    /** An id a line named as a task's; kept when it has the shape of Luigi's task_id. */
    public void saw(String id, int ref) {
        if (ref < 0 || !shaped(id)) {
            return;
        }
        for (Seen s : ids) {
            if (s.ref() == ref) {
                return;
            }
        }
        ids.add(new Seen(id, ref));
    }

    /** The family, an underscore, the values (maybe none), an underscore and ten lower-case hex digits. */
    static boolean shaped(String id) {
        int n = id.length();
        if (n < HASH_CHARS + 4 || id.charAt(n - HASH_CHARS - 1) != '_' || id.indexOf('_') >= n - HASH_CHARS - 1) {
            return false;
        }
        for (int i = n - HASH_CHARS; i < n; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return Character.isLetter(id.charAt(0)) || id.charAt(0) == '_';
    }

    /**
     * The ref of the task whose repr ends the message [m, e) ({@code … running   Family(k=v, …)}), or -1. A repr earlier
     * in the line (the worker's own, {@code Worker(salt=…)}) is not the task's.
     */
    public int resolve(byte[] b, int m, int e) {
        int end = e;
        while (end > m && (b[end - 1] == ' ' || b[end - 1] == '\r')) {
            end--;
        }
        if (end - m < 3 || b[end - 1] != ')') {
            return -1; // most lines are told apart by their last byte
        }
        int open = opening(b, Math.max(m, end - MAX_REPR), end - 1);
        if (open < 0) {
            return -1;
        }
        int f = open;
        while (f > m && isNameByte(b[f - 1])) {
            f--;
        }
        if (f == open || !(Character.isLetter(b[f]) || b[f] == '_') || (f > m && b[f - 1] != ' ')) {
            return -1;
        }
        String family = new String(b, f, open - f, StandardCharsets.UTF_8);
        String repr = new String(b, f, end - f, StandardCharsets.UTF_8);
        Integer known = byRepr.get(repr);
        if (known != null) {
            return known;
        }
        String params = new String(b, open + 1, end - 1 - open - 1, StandardCharsets.UTF_8);
        String prefix = family + "_" + summary(params) + "_";
        int ref = -1;
        for (Seen s : ids) {
            if (s.id().length() == prefix.length() + HASH_CHARS && s.id().startsWith(prefix)) {
                ref = s.ref();
                break;
            }
        }
        if (ref < 0) {
            for (Seen s : ids) {
                if (s.id().startsWith(family + "_") && !taken.get(s.ref())) {
                    ref = s.ref();
                    break;
                }
            }
        }
        if (ref >= 0) {
            byRepr.put(repr, ref);
            taken.set(ref);
        }
        return ref;
    }

    /** The values of "k=v, k2=v2" as Luigi's task_id writes them: by name, the first three, cut, non-word characters as '_'. */
    static String summary(String params) {
        TreeMap<String, String> byName = new TreeMap<>();
        for (String part : split(params)) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                byName.put(part.substring(0, eq).strip(), part.substring(eq + 1));
            }
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String v : byName.values()) {
            if (n++ == PARAMS) {
                break;
            }
            if (n > 1) {
                sb.append('_');
            }
            String cut = v.length() > VALUE_CHARS ? v.substring(0, VALUE_CHARS) : v;
            for (int i = 0; i < cut.length(); i++) {
                char c = cut.charAt(i);
                sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
            }
        }
        return sb.toString();
    }

    /** The parameters at the top level of the repr, parted by ", " outside brackets and quotes. */
    private static List<String> split(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0 && i + 1 < params.length() && params.charAt(i + 1) == ' ') {
                out.add(params.substring(from, i));
                from = i + 2;
            }
        }
        if (from < params.length()) {
            out.add(params.substring(from));
        }
        return out;
    }

    /** The parenthesis that the one at close closes, backwards over nested brackets; -1 if none from. */
    private static int opening(byte[] b, int from, int close) {
        int depth = 0;
        for (int i = close; i >= from; i--) {
            byte c = b[i];
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (--depth == 0) {
                    return c == '(' ? i : -1;
                }
            }
        }
        return -1;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
