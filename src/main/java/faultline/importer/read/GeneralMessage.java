package faultline.importer.read;

import faultline.importer.Sample;
import faultline.importer.merge.UnitVocabulary;
import faultline.importer.scan.LineLayout;
import faultline.importer.scan.LinePrefixes;
import faultline.importer.time.Clock;

import java.nio.charset.StandardCharsets;

/**
 * The normalised message of a general text event: the first line without its prefixes, time and
 * header; each continuation line without the prefixes every line of the process carries
 * ({@code [rank1]: }, a container's clock), so that a traceback reads as Python printed it.
 */
final class GeneralMessage {
    private GeneralMessage() {
    }

    /** The layouts a line of another program in the file is read by, as the scan read its time (shared: copied before use). */
    private static final LineLayout[] FALLBACKS = LineLayout.fallbacks();

    static String of(String raw, LineLayout[] shared) {
        // Messages are shaped on many threads at once (task facts, views): each call reads with its own layouts.
        LineLayout[] layouts = new LineLayout[shared.length];
        for (int i = 0; i < layouts.length; i++) {
            layouts[i] = shared[i].copy();
        }
        boolean timedFile = layouts.length > 0;
        StringBuilder out = new StringBuilder(raw.length());
        Clock clock = new Clock();
        LinePrefixes.Found prefix = new LinePrefixes.Found();
        int from = 0;
        boolean first = true;
        String lead = null;
        int headerGap = -1;
        int rank = -1;
        String stream = null;
        while (from <= raw.length()) {
            int nl = raw.indexOf('\n', from);
            String line = nl < 0 ? raw.substring(from) : raw.substring(from, nl);
            if (!first && rank >= 0 && otherRank(line, prefix, rank)) {
                // Another rank's line inside this rank's traceback: the two printed at once, interleaved.
                if (nl < 0) {
                    break;
                }
                from = nl + 1;
                continue;
            }
            if (!first && out.length() > 0) {
                out.append('\n'); // a header line without text (logcat -v long's) leaves the text below it
            }
            if (first) {
                headerGap = gapBeforeMessage(line, layouts, clock, prefix);
                String m = withoutRightAlignedSource(LogfmtMessage.of(firstLine(line, layouts, timedFile, clock, prefix)));
                if (m.strip().equals("]")) {
                    m = ""; // the end of a bracketed header ("[ 12-31 23:59:58.365  1702: 1744 I/Tag ]")
                }
                int sp = m.indexOf(' ');
                lead = sp > 0 ? m.substring(0, sp + 1) : null;
                String before = beforeTracebackHeader(m);
                if (before != null) {
                    lead = before; // a thread and a logger the layout keeps, before a printed traceback's every line
                } else if (m.startsWith(HEADER)) {
                    lead = null; // the traceback is the record: "Traceback " is no token its lines repeat (a chain's next part starts so)
                }
                out.append(m);
                rank = prefix.rank;
                if (rank < 0 && timedFile && layouts[0].secondClock) {
                    rank = rankAfterOuterClock(line.getBytes(StandardCharsets.UTF_8), clock, prefix);
                }
                if (timedFile && layouts[0].secondClock) {
                    stream = streamAfterOuterClock(line.getBytes(StandardCharsets.UTF_8), clock, prefix);
                }
            } else {
                String m = continuation(line, layouts, clock, prefix, lead, headerGap);
                // The stream the record's own line came from, on each of its lines after the platform's clock.
                out.append(stream != null && m.startsWith(stream) ? m.substring(stream.length()) : m);
            }
            first = false;
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return out.toString();
    }

    /** Whether the line's prefix names a rank other than the event's ({@code [rank0]:} in rank 1's traceback). */
    private static boolean otherRank(String line, LinePrefixes.Found prefix, int rank) {
        if (line.isEmpty()) {
            return false;
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        LinePrefixes.strip(b, 0, b.length, prefix);
        int other = prefix.rank >= 0 ? prefix.rank : rankAfterOuterClock(b, new Clock(), prefix);
        return other >= 0 && other != rank;
    }

    /**
     * The rank a line names after a second clock before it: a rank's prefix after journald's header
     * ({@code gpu-7 torchrun[51877]: [rank1]: }), or a process group after docker's clock
     * ({@code 2025-…Z (VllmWorker TP1 pid=291) ERROR …}); -1 if none.
     */
    private static int rankAfterOuterClock(byte[] b, Clock clock, LinePrefixes.Found prefix) {
        int p = LinePrefixes.strip(b, 0, b.length, prefix);
        if (prefix.rank >= 0) {
            return prefix.rank;
        }
        int q = afterOuterHeader(b, p, clock, prefix);
        if (prefix.rank < 0 && q > p) {
            LinePrefixes.groupAmong(b, q, Math.min(b.length, q + 120), prefix);
        }
        return prefix.rank;
    }

    /**
     * The log stream's name a platform writes after its clock on the record's line ({@code aws logs tail}'s
     * {@code <clock> jobdef/default/<task id> …}), with the space after it, or null.
     */
    private static String streamAfterOuterClock(byte[] b, Clock clock, LinePrefixes.Found prefix) {
        int p = LinePrefixes.strip(b, 0, b.length, prefix);
        int q = afterOuterHeader(b, p, clock, prefix);
        if (q == p) {
            return null;
        }
        int end = LineLayout.streamEnd(b, q, b.length);
        return end > 0 && end < b.length && b[end] == ' ' ? new String(b, q, end + 1 - q, StandardCharsets.UTF_8) : null;
    }

    /**
     * Under docker -t, journald or a platform every line starts with its clock, journald's also with the host and
     * program ({@code gpu-7 torchrun[51877]: }), and a supervisor's prefix may follow ({@code [rank1]: }): the
     * index after them, the rank that prefix names in prefix; p when no clock starts the line.
     */
    static int afterOuterHeader(byte[] b, int p, Clock clock, LinePrefixes.Found prefix) {
        // A clock starts with a digit, or with a month's name (journald's short forms): a byte tells before any parse.
        if (p >= b.length || !(Clock.isDigit(b[p]) || (b[p] >= 'A' && b[p] <= 'Z')) || !clock.parseAny(b, p, b.length)) {
            return p;
        }
        int q = clock.end < b.length && b[clock.end] == ' ' ? clock.end + 1 : clock.end;
        int program = LineLayout.programEnd(b, q, b.length, 2);
        if (program >= 0) {
            q = program < b.length && b[program] == ' ' ? program + 1 : program;
        }
        int r = LinePrefixes.strip(b, q, b.length, prefix);
        return r > q ? r : q;
    }

    private static final String HEADER = "Traceback (most recent call last):";

    /**
     * The tokens before a traceback's header that opens a record's message a few tokens in (TorchServe's
     * "W-9000-model_1.0-stdout MODEL_LOG - Traceback …"), with the space after them; null if none.
     */
    static String beforeTracebackHeader(String m) {
        int at = m.indexOf(HEADER);
        if (at <= 0 || at > 160 || m.charAt(at - 1) != ' ' || m.charAt(0) == ' ') {
            return null;
        }
        int tokens = 0;
        for (int i = 0; i < at; i++) {
            if (m.charAt(i) == ' ' && (i == 0 || m.charAt(i - 1) != ' ')) {
                tokens++;
            }
        }
        return tokens <= 3 ? m.substring(0, at) : null;
    }

    /** Rich's console ends a record with its source, right-aligned: "prepare tokenizer        train_util.py:4665". */
    private static final java.util.regex.Pattern RIGHT_ALIGNED_SOURCE = java.util.regex.Pattern.compile(" {3,}[\\w.-]+\\.py:\\d+\\s*$");

    static String withoutRightAlignedSource(String m) {
        if (m.length() < 12 || m.indexOf(".py:") < 0) {
            return m;
        }
        java.util.regex.Matcher r = RIGHT_ALIGNED_SOURCE.matcher(m);
        return r.find() ? m.substring(0, r.start()) : m;
    }

    /**
     * After only a platform's clock (docker logs -t, kubectl logs --timestamps), the tag of the process that printed the
     * line ({@code [w1] }, {@code [rank1]: }) comes off as it does at a line's start: the reader took it for the writer.
     */
    private static int afterProcessTag(byte[] b, int from, LineLayout l, Clock clock, LinePrefixes.Found prefix) {
        if (l.hasLevel() || clock.level >= 0 || from >= b.length || (b[from] != '[' && b[from] != '(')
                || UnitVocabulary.taskPathspecEnd(b, from, b.length) > 0 || LineLayout.programEnd(b, from, b.length, 2) > 0) {
            return from;
        }
        int tagged = LinePrefixes.strip(b, from, b.length, prefix);
        return tagged > from && prefix.worker != 0 ? tagged : from;
    }

    private static String firstLine(String line, LineLayout[] layouts, boolean timedFile, Clock clock, LinePrefixes.Found prefix) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int p = LinePrefixes.strip(b, 0, b.length, prefix);
        for (LineLayout l : layouts) {
            if (l.read(b, p, b.length, clock)) {
                int from = l.messageStart;
                if (l.outerClock) {
                    from = clock.end < b.length && b[clock.end] == ' ' ? clock.end + 1 : clock.end;
                }
                from = afterProcessTag(b, from, l, clock, prefix);
                return new String(b, from, b.length - from, StandardCharsets.UTF_8);
            }
        }
        if (timedFile) {
            // A line of another program in the file (a Python logging line among TensorRT-LLM's): its own clock and
            // level come off as the scan read them.
            for (LineLayout shared : FALLBACKS) {
                LineLayout f = shared.copy();
                if (f.read(b, p, b.length, clock)) {
                    return new String(b, f.messageStart, b.length - f.messageStart, StandardCharsets.UTF_8);
                }
            }
        }
        int text = LineLayout.afterLeadingLevel(b, p, b.length);
        if (text > p && text < b.length) {
            p = text; // the level is the event's, not its message's
        } else if (timedFile && layouts[0].hasLevel()) {
            // A record of Rich's console that left its clock out (the scan read it so): its padded level comes off.
            int rich = LineLayout.afterClocklessLevel(b, p, b.length);
            p = rich >= 0 ? rich : p;
        }
        return p == 0 ? line : new String(b, p, b.length - p, StandardCharsets.UTF_8);
    }

    /**
     * A continuation line without its prefixes; one that repeats the record's whole header (a traceback logged
     * with the prefix, clock and level on every line) also without that header and the token the record's first
     * line began with ({@code [core.py:720] }), lead.
     */
    private static boolean onlySpaces(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The spaces before the message a layout reads on the line (which it takes off), or -1 when none reads it. */
    private static int gapBeforeMessage(String line, LineLayout[] layouts, Clock clock, LinePrefixes.Found prefix) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int p = LinePrefixes.strip(b, 0, b.length, prefix);
        for (LineLayout l : layouts) {
            if (!l.outerClock && l.read(b, p, b.length, clock)) {
                return spacesBefore(b, p, l.messageStart);
            }
        }
        return -1;
    }

    private static int spacesBefore(byte[] b, int from, int at) {
        int q = at;
        while (q > from && at - q < 64 && b[q - 1] == ' ') {
            q--;
        }
        return at - q;
    }

    private static String continuation(String line, LineLayout[] layouts, Clock clock, LinePrefixes.Found prefix, String lead,
            int headerGap) {
        String text = Sample.withoutNumberPrefix(line);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int p = LinePrefixes.strip(b, 0, b.length, prefix);
        for (LineLayout l : layouts) {
            if (!l.outerClock && l.read(b, p, b.length, clock)) {
                int from = l.messageStart;
                int gap = headerGap >= 0 && from < b.length ? spacesBefore(b, p, from) : 0;
                if (gap > headerGap) {
                    from -= gap - headerGap; // a frame of a traceback logged a record per line keeps its indentation
                }
                if (!l.hasLevel() && clock.level < 0 && onlySpaces(b, clock.end, from)) {
                    // Only a clock before the text (a platform's on every printed line): the frames keep their indentation.
                    from = clock.end < b.length && b[clock.end] == ' ' ? clock.end + 1 : clock.end;
                }
                int program = -1;
                if (!l.hasLevel() && clock.level < 0) {
                    // Journald's or syslog's host and program on every line ("gpu-7 python[2201]:   File …"): the
                    // program's own text follows, its indentation kept.
                    program = LineLayout.programEnd(b, from, b.length, 2);
                    if (program > 0) {
                        from = program < b.length && b[program] == ' ' ? program + 1 : program;
                    }
                }
                if (program <= 0) {
                    from = afterProcessTag(b, from, l, clock, prefix);
                }
                String m = new String(b, from, b.length - from, StandardCharsets.UTF_8);
                return lead != null && m.startsWith(lead) ? m.substring(lead.length()) : m;
            }
        }
        if (layouts.length > 0 && layouts[0].secondClock) {
            p = afterOuterHeader(b, p, clock, prefix);
        }
        return p == 0 ? text : new String(b, p, b.length - p, StandardCharsets.UTF_8);
    }
}
