package faultline.importer.scan;

import faultline.importer.Sample;
import faultline.importer.time.Clock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a file's line layouts from its first lines, as a log viewer does: at each of the first few
 * tokens of every line, which timestamp shape reads there; the shape the lines agree on is the
 * clock. A timestamp inside another one's text is not counted, a value that is the same on every
 * line (a log file's name with its date) is not the clock, a written wall-clock time is preferred to
 * an epoch count, and of two clocks on every line the inner one (the application's, inside a
 * container's or journald's) is the event time. Then the level's token, and where a year comes from
 * when the timestamp has none. Linear in the sample.
 */
public final class LayoutInference {
    /** Tokens from the line start at which a timestamp may sit. */
    public static final int MAX_SKIP = 5;
    private static final int MAX_HEADER = 6;

    private LayoutInference() {
    }

    /** The result: layouts to try in order (the file's main one first); empty when no line carries a time. */
    public record Result(List<LineLayout> layouts, int lines, int timedLines) {
        public double share() {
            return lines == 0 ? 0 : (double) timedLines / lines;
        }
    }

    /** keyLength: the clock is a logfmt value after its key ({@code time=2025-03-11T09:23:09.826+01:00}). */
    private record Key(int skip, boolean bracketed, Clock.Shape shape, int keyLength) {
        Key(int skip, boolean bracketed, Clock.Shape shape) {
            this(skip, bracketed, shape, 0);
        }
    }

    private static final class Tally {
        int count;
        /** Lines on which a comma follows the clock: a CSV row's first field. */
        int commas;
        /** Lines on which another clock stands before this one: a container's or journald's around the application's. */
        int under;
        /** Lines on which this clock opens the text after journald's or syslog's {@code host program[pid]:}. */
        int afterProgram;
        long first;
        boolean varies;
    }

    public static Result infer(Sample sample) {
        Result r = infer(sample.nonBlank());
        // A file whose first lines carry no time (a stack trace, a banner, a dump) may carry it further on:
        // the sample's text is read on, as many lines at a time, until they show a clock. Linear in the text.
        String text = sample.text();
        int from = after(text, 0, sample.lines().size());
        while (r.layouts().isEmpty() && from < text.length()) {
            List<String> next = new ArrayList<>();
            int to = after(text, from, Math.max(1, sample.lines().size()));
            for (int p = from; p < to; ) {
                int nl = text.indexOf('\n', p);
                int end = nl < 0 || nl > to ? to : nl;
                String l = Sample.withoutNumberPrefix(text.substring(p, end > p && text.charAt(end - 1) == '\r' ? end - 1 : end));
                if (!l.isBlank()) {
                    next.add(l);
                }
                p = end + 1;
            }
            r = infer(next);
            from = to;
        }
        return r;
    }

    /** The offset after n more lines of text from `from` (its length when fewer are left). */
    private static int after(String text, int from, int n) {
        int p = from;
        for (int i = 0; i < n && p < text.length(); i++) {
            int nl = text.indexOf('\n', p);
            p = nl < 0 ? text.length() : nl + 1;
        }
        return p;
    }

    private static Result infer(List<String> sampleLines) {
        List<byte[]> lines = new ArrayList<>();
        for (String l : sampleLines) {
            lines.add(l.getBytes(StandardCharsets.UTF_8));
        }
        Map<Key, Tally> tallies = new HashMap<>();
        Clock clock = new Clock();
        LinePrefixes.Found prefix = new LinePrefixes.Found();
        int[] starts = new int[MAX_SKIP + 1];
        int[] spanStart = new int[2 * (MAX_SKIP + 1)];
        int[] spanEnd = new int[2 * (MAX_SKIP + 1)];
        Key[] keys = new Key[2 * (MAX_SKIP + 1)];
        long[] values = new long[2 * (MAX_SKIP + 1)];
        boolean[] comma = new boolean[2 * (MAX_SKIP + 1)];
        int[] textAt = new int[2 * (MAX_SKIP + 1)];
        for (byte[] b : lines) {
            int e = b.length;
            int p = LinePrefixes.strip(b, QuoteMarks.end(b, 0, e), e, prefix);
            int n = 0;
            int q = LineLayout.spaces(b, p, e);
            while (n <= MAX_SKIP && q < e) {
                starts[n++] = q;
                q = LineLayout.spaces(b, LineLayout.tokenEnd(b, q, e), e);
            }
            int found = 0;
            for (int k = 0; k < n; k++) {
                for (int br = 0; br < 3; br++) {
                    int at = starts[k] + (br == 1 ? 1 : 0);
                    int key = br == 2 ? timeKey(b, starts[k], e) : 0;
                    if ((br == 1 && (b[starts[k]] != '[' && b[starts[k]] != '(')) || (br == 2 && key == 0)) {
                        continue;
                    }
                    at += key;
                    if (br == 1 && at + 1 < e && b[at] == ' ' && Clock.isDigit(b[at + 1])) {
                        at++; // one space inside the bracket before the clock (logcat -v long)
                    }
                    // An epoch count after a name's '=' or ':' is that name's value, a seed, a size or an id
                    // ("[Parameters] Seed = 4021987733"), not the line's clock (HPC's sits bare in its fifth column).
                    if (at < e && clock.parseAny(b, at, e) && (clock.shape != Clock.Shape.EPOCH || br == 2 || !afterValueSign(b, p, starts[k]))) {
                        spanStart[found] = at;
                        spanEnd[found] = clock.end;
                        keys[found] = new Key(k, br == 1, clock.shape, key);
                        values[found] = valueOf(clock);
                        comma[found] = clock.end < e && b[clock.end] == ',';
                        textAt[found] = programText(b, at, clock.end, e, p, prefix);
                        found++;
                    }
                }
            }
            for (int i = 0; i < found; i++) {
                boolean nested = false;
                for (int j = 0; j < found && !nested; j++) {
                    nested = j != i && spanStart[j] < spanStart[i] && spanStart[i] < spanEnd[j];
                }
                if (nested) {
                    continue;
                }
                Tally t = tallies.computeIfAbsent(keys[i], x -> new Tally());
                if (t.count == 0) {
                    t.first = values[i];
                } else if (t.first != values[i]) {
                    t.varies = true;
                }
                t.count++;
                if (comma[i]) {
                    t.commas++;
                }
                for (int j = 0; j < found; j++) {
                    if (spanEnd[j] <= spanStart[i]) {
                        t.under++;
                        if (textAt[j] == spanStart[i]) {
                            t.afterProgram++;
                        }
                        break;
                    }
                }
            }
        }
        List<Map.Entry<Key, Tally>> ranked = new ArrayList<>(tallies.entrySet());
        // A clock whose value never changes over three or more lines is part of a name, not the time, where
        // another clock that changes stands on nearly as many lines. Without one a written clock is the time of
        // a burst: a sample within one second (a servicing stack writes hundreds of lines a second, a cron
        // minute dozens). A count that never changes stays an id: untimed lines repeat a seed or a job number.
        int changing = 0;
        for (Map.Entry<Key, Tally> en : ranked) {
            if (en.getValue().varies) {
                changing = Math.max(changing, en.getValue().count);
            }
        }
        int mostChanging = changing;
        ranked.removeIf(en -> en.getValue().count >= 3 && !en.getValue().varies
                && (en.getKey().shape() == Clock.Shape.EPOCH || mostChanging * 5 >= en.getValue().count * 4));
        if (ranked.isEmpty()) {
            return new Result(List.of(), lines.size(), 0);
        }
        ranked.sort(Comparator.comparingInt((Map.Entry<Key, Tally> en) -> -en.getValue().count)
                .thenComparingInt(en -> en.getKey().shape().hasYear ? 0 : 1)
                .thenComparingInt(en -> en.getKey().skip())
                .thenComparingInt(en -> en.getKey().shape().ordinal()));
        int max = ranked.get(0).getValue().count;
        Key main = null;
        for (Map.Entry<Key, Tally> en : ranked) {
            if (en.getValue().count * 5 < max * 4) {
                continue;
            }
            Key k = en.getKey();
            // A CSV row's first field is its clock (PostgreSQL's csvlog): a time in a later field is the session's start.
            boolean csvClock = main != null && main.skip() == 0 && tallies.get(main).commas * 2 >= tallies.get(main).count;
            if (main == null || better(k, en.getValue(), main) && !csvClock) {
                main = k;
            }
        }
        // A container's or journald's clock on every line, the application's own inside it on some:
        // the application's is the event time, the outer one stands in where the application wrote none.
        Key outer = null;
        // Not in a CSV row (PostgreSQL's csvlog), whose later fields may be times too: its first field is the clock.
        if (main.skip() == 0 && (main.shape() == Clock.Shape.ISO || main.shape() == Clock.Shape.MONTH_NAME) && !main.bracketed()
                && tallies.get(main).commas * 2 < tallies.get(main).count) {
            int mainCount = tallies.get(main).count;
            Key inner = null;
            for (Map.Entry<Key, Tally> en : ranked) {
                Key k = en.getKey();
                // Inside the outer clock on the same lines, not a time other lines write in their text ("Current time: …").
                // The program's own clock opening its text after journald's header stands on the lines it logs
                // (a launcher's), however few beside its children's untimed ones ("[rank0]: …").
                boolean programs = en.getValue().afterProgram * 2 >= en.getValue().count;
                if (k.skip() > main.skip() && en.getValue().count >= 2 && (en.getValue().count * 4 >= mainCount || programs)
                        && en.getValue().under * 2 >= en.getValue().count
                        && k.shape() != Clock.Shape.EPOCH && (inner == null || en.getValue().count > tallies.get(inner).count)) {
                    inner = k;
                }
            }
            if (inner != null) {
                outer = main;
                main = inner;
            }
        }
        List<Key> order = new ArrayList<>();
        order.add(main);
        if (outer != null) {
            order.add(outer);
        }
        for (Map.Entry<Key, Tally> en : ranked) {
            Key k = en.getKey();
            if (order.size() < 4 && !order.contains(k) && en.getValue().count * 20 >= lines.size()) {
                order.add(k);
            }
        }
        boolean secondClock = false;
        for (Map.Entry<Key, Tally> en : ranked) {
            Key k = en.getKey();
            if (k.skip() < main.skip() && k.shape() != Clock.Shape.EPOCH && en.getValue().count * 2 >= tallies.get(main).count) {
                secondClock = true;
            }
        }
        if (outer != null) {
            secondClock = true;
        }
        List<LineLayout> layouts = new ArrayList<>();
        int timed = 0;
        for (Key k : order) {
            LineLayout l = refine(k, lines, clock, prefix, k == main && secondClock);
            l.outerClock = k.equals(outer);
            layouts.add(l);
        }
        // Lines read by some layout: the share that tells how well the file fits.
        for (byte[] b : lines) {
            int p = LinePrefixes.strip(b, 0, b.length, prefix);
            for (LineLayout l : layouts) {
                if (l.read(b, p, b.length, clock)) {
                    timed++;
                    break;
                }
            }
        }
        return new Result(List.copyOf(layouts), lines.size(), timed);
    }

    /**
     * Where the program's text starts after the clock [from, p): after journald's or syslog's {@code host
     * program[pid]:}, or right after a container runtime's RFC 3339 clock that opens the line (docker -t, the
     * kubelet's), then after the prefixes a supervisor puts before every line of a child ({@code [rank0]:});
     * -1 after any other clock.
     */
    private static int programText(byte[] b, int from, int p, int e, int lineStart, LinePrefixes.Found prefix) {
        int t = LineLayout.programEnd(b, p, e, 2);
        boolean runtimeClock = from == lineStart && from + 10 < p && b[from + 10] == 'T' && (b[p - 1] == 'Z' || b[p - 3] == ':');
        if (t < 0 && !runtimeClock) {
            return -1;
        }
        int q = LineLayout.spaces(b, t < 0 ? p : t, e);
        int r = LinePrefixes.strip(b, q, e, prefix);
        return LineLayout.spaces(b, r, e);
    }

    /** Quoted values first, since their keys start with the bare ones: logrus writes {@code time="2025-03-02T10:11:07Z"}. */
    private static final byte[][] TIME_KEYS = {"time=\"".getBytes(StandardCharsets.US_ASCII), "ts=\"".getBytes(StandardCharsets.US_ASCII),
            "timestamp=\"".getBytes(StandardCharsets.US_ASCII),
            "time=".getBytes(StandardCharsets.US_ASCII), "ts=".getBytes(StandardCharsets.US_ASCII),
            "timestamp=".getBytes(StandardCharsets.US_ASCII), "t=".getBytes(StandardCharsets.US_ASCII)};

    /** The length of a logfmt time key at p ({@code time=}, {@code ts=}), or 0. */
    private static int timeKey(byte[] b, int p, int e) {
        if (p >= e || (b[p] != 't' && b[p] != 'T')) {
            return 0;
        }
        for (byte[] k : TIME_KEYS) {
            if (p + k.length < e) {
                boolean same = true;
                for (int i = 0; i < k.length && same; i++) {
                    same = (b[p + i] | 0x20) == (k[i] | 0x20) || b[p + i] == k[i];
                }
                if (same) {
                    return k.length;
                }
            }
        }
        return 0;
    }

    /** Whether the last non-blank byte before q (from p) is '=' or ':'. */
    private static boolean afterValueSign(byte[] b, int p, int q) {
        int i = q - 1;
        while (i >= p && (b[i] == ' ' || b[i] == '\t')) {
            i--;
        }
        return i >= p && (b[i] == '=' || b[i] == ':');
    }

    /** Of two clocks every line has: a written time over an epoch count, then the inner one. */
    private static boolean better(Key k, Tally kt, Key than) {
        boolean ke = k.shape() == Clock.Shape.EPOCH;
        boolean te = than.shape() == Clock.Shape.EPOCH;
        if (ke != te) {
            return !ke;
        }
        if (k.shape().hasDate != than.shape().hasDate && k.skip() == than.skip()) {
            return k.shape().hasDate;
        }
        // The inner one only where it stands inside the other on the same lines.
        return k.skip() > than.skip() && kt.under * 2 >= kt.count;
    }

    /** The level's token and the year's source for lines in this timestamp shape. */
    private static LineLayout refine(Key k, List<byte[]> lines, Clock clock, LinePrefixes.Found prefix, boolean secondClock) {
        LineLayout probe = new LineLayout(k.skip(), k.bracketed(), k.shape(), LineLayout.NONE, false, -1, secondClock);
        probe.keyLength = k.keyLength();
        int[] words = new int[MAX_HEADER + MAX_SKIP];
        int[] letters = new int[MAX_HEADER + MAX_SKIP];
        int[] years = new int[MAX_SKIP];
        int read = 0;
        int glyphs = 0;
        int glyphKinds = 0; // bits of the glyphs seen: a lone "-" after the clock is a separator, not a level
        for (byte[] b : lines) {
            int e = b.length;
            int p = LinePrefixes.strip(b, 0, e, prefix);
            if (!probe.read(b, p, e, clock)) {
                continue;
            }
            read++;
            // Skipped tokens: a level before the time (vLLM), a date or epoch that gives the year.
            int q = LineLayout.spaces(b, p, e);
            for (int s = 0; s < k.skip(); s++) {
                int t = LineLayout.tokenEnd(b, q, e);
                int lv = LevelWords.read(b, q, t, null);
                if (lv >= 0) {
                    ((lv & LevelWords.LETTER) != 0 ? letters : words)[MAX_HEADER + s]++;
                }
                if (LineLayout.dateYear(b, q, t) > 0 || clock.parse(Clock.Shape.EPOCH, b, q, t)) {
                    years[s]++;
                }
                q = LineLayout.spaces(b, t, e);
            }
            clock.parse(k.shape(), b, probe.timeStart, e);
            int g = LineLayout.spaces(b, LineLayout.afterQuotedValue(b, clock.end, e, k.keyLength()), e);
            if (g + 1 < e && b[g + 1] == ' ' && LineLayout.glyphLevel(b[g]) >= 0) {
                glyphs++;
                glyphKinds |= 1 << LineLayout.glyphLevel(b[g]);
            }
            q = LineLayout.separators(b, g, e);
            for (int h = 0; h < MAX_HEADER && q < e; h++) {
                int t = LineLayout.tokenEnd(b, q, e);
                int lv = LevelWords.read(b, q, t, null);
                if (lv >= 0 && h > 0 && (lv & LevelWords.NOT_UPPER) != 0 && b[q] != '[' && b[q] != '(' && b[q] != '<' && b[t - 1] != ':') {
                    // A level word in small letters further in is the message's ("host app[1]: disk warning threshold"),
                    // unless the header sets it off: bracketed, or with its colon (dmesg's "kern  :err   :").
                    lv = -1;
                }
                if (lv >= 0) {
                    ((lv & LevelWords.LETTER) != 0 ? letters : words)[h]++;
                    break;
                }
                q = LineLayout.separators(b, t, e);
            }
        }
        int best = -1;
        int bestCount = 0;
        for (int i = 0; i < words.length; i++) {
            int c = words[i] + letters[i];
            if (c > bestCount) {
                best = i;
                bestCount = c;
            }
        }
        int levelToken = LineLayout.NONE;
        boolean letterLevels = false;
        // One line's word is no layout's level where there are more lines to agree.
        if (best >= 0 && bestCount * 4 >= read && (bestCount >= 2 || read < 3)) {
            levelToken = best >= MAX_HEADER ? -1 - (best - MAX_HEADER) : best;
            letterLevels = letters[best] * 2 > words[best];
        }
        int yearToken = -1;
        if (!k.shape().hasYear) {
            for (int s = 0; s < k.skip(); s++) {
                if (years[s] * 5 >= read * 4 && read > 0) {
                    yearToken = s;
                }
            }
        }
        // Redis's glyph levels: one of them after the clock on nearly every line, no level word there, and
        // more than one level among them (a file of "clock - message" lines only has a separator).
        boolean glyphLevels = levelToken == LineLayout.NONE && read >= 3 && glyphs * 10 >= read * 9
                && Integer.bitCount(glyphKinds) >= 2;
        if (glyphLevels) {
            levelToken = 0;
        }
        LineLayout out = new LineLayout(k.skip(), k.bracketed(), k.shape(), levelToken, letterLevels, yearToken, secondClock);
        out.keyLength = k.keyLength();
        out.glyphLevels = glyphLevels;
        return out;
    }

    private static long valueOf(Clock c) {
        if (c.shape == Clock.Shape.EPOCH) {
            return c.epochNanos;
        }
        long v = c.year;
        v = v * 13 + c.month;
        v = v * 32 + c.day;
        return v * 86_400_000_000_000L + c.nanosOfDay();
    }
}
