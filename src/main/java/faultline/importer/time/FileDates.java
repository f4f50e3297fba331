package faultline.importer.time;

import faultline.text.Prose;

import faultline.importer.FileReportBuilder;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.scan.LayoutInference;
import faultline.importer.scan.LineLayout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the parts of a date that a file's lines do not write come from: the Sources dialog, the
 * file's other lines (a dated line, a date token), its name ({@code 20250302}, {@code 2025-03-02},
 * {@code debug_20250302_101112}), or its modification time; said in the parse report. Then, line by
 * line, the date of a timestamp: a time-only line takes the running date and passes midnight when
 * the clock jumps back by hours; a line without a year takes the running year and passes New Year
 * when the month jumps back.
 */
public final class FileDates {
    private final LocalDate start;
    private final String source;
    private final boolean fromModification;
    private long day;
    private int year;
    private int lastSecondOfDay = -1;
    private int lastMonth = -1;
    private boolean usedDate;
    private boolean usedYear;
    private boolean first = true;

    /** The second of the day the file was last changed, when its dates come from that; else -1. */
    private int modifiedSecondOfDay = -1;

    private FileDates(LocalDate start, String source, boolean fromModification) {
        this.start = start;
        this.source = source;
        this.fromModification = fromModification;
        this.day = start.toEpochDay();
        this.year = start.getYear();
    }

    public static FileDates of(ReadContext ctx, Sample sample, List<LineLayout> layouts) {
        if (ctx.options.date() != null) {
            return new FileDates(ctx.options.date(), Prose.get("dates.from.set"), false);
        }
        LocalDate inLines = dateInLines(sample);
        if (inLines != null) {
            FileDates d = new FileDates(inLines, Prose.get("dates.from.lines"), false);
            // The dated line leads the ones without a year (journalctl's "-- Logs begin at Mon 2024-12-30 …" header):
            // a January after it is the next year's.
            d.lastMonth = inLines.getMonthValue();
            return d;
        }
        LocalDate inName = dateInName(sample.fileName());
        if (inName != null) {
            return new FileDates(inName, Prose.get("dates.from.name"), false);
        }
        try {
            Instant m = Files.getLastModifiedTime(ctx.path).toInstant();
            FileDates d = new FileDates(LocalDate.ofInstant(m, ctx.time.zone()), Prose.get("dates.from.modified"), true);
            d.modifiedSecondOfDay = java.time.LocalTime.ofInstant(m, ctx.time.zone()).toSecondOfDay();
            return d;
        } catch (java.io.IOException | RuntimeException e) {
            return new FileDates(LocalDate.now(ctx.time.zone()), Prose.get("dates.from.today"), true);
        }
    }

    /** Epoch day of the line's timestamp, filling what it lacks. */
    public long epochDay(Clock c, int lineYear, FileReportBuilder report) {
        if (c.year > 0) {
            return TimeParser.epochDay(c.year, c.month, c.day);
        }
        if (c.month > 0) {
            int y;
            if (lineYear > 0) {
                y = lineYear;
            } else {
                if (first && fromModification && monthDay(c.month, c.day) > monthDay(start.getMonthValue(), start.getDayOfMonth())) {
                    year--; // the file was written before it was last changed: a later month-day was last year
                }
                if (lastMonth > 0 && c.month < lastMonth - 6) {
                    year++;
                    report.repair(faultline.model.ParseReport.Repair.MIDNIGHT_ROLLOVER);
                }
                lastMonth = c.month;
                usedYear = true;
                y = year;
            }
            first = false;
            return TimeParser.epochDay(y, c.month, c.day);
        }
        int sod = c.hour * 3600 + c.minute * 60 + c.second;
        if (first && modifiedSecondOfDay >= 0 && sod > modifiedSecondOfDay) {
            day--; // the first line is later in the day than the file was last written: it is of the day before
        }
        if (lastSecondOfDay >= 0 && sod < lastSecondOfDay - 12 * 3600) {
            day++;
            report.repair(faultline.model.ParseReport.Repair.MIDNIGHT_ROLLOVER);
        }
        lastSecondOfDay = sod;
        usedDate = true;
        first = false;
        return day;
    }

    /**
     * Epoch day of a time of day alone written inside a dated clock on the same line (a program's own
     * {@code 10:11:12.345 : } inside its syslog line): the dated clock's day, or the one beside it that puts the
     * two wall clocks nearest, as near midnight the program's clock may be on the other side of it. The running
     * date goes on from there, so the program's clock follows the days the wrapper writes, however far apart.
     */
    public long epochDayBeside(Clock timeOnly, Clock dated, int lineYear, FileReportBuilder report) {
        long datedDay = epochDay(dated, lineYear, report);
        int inner = timeOnly.hour * 3600 + timeOnly.minute * 60 + Math.min(timeOnly.second, 59);
        int out = dated.hour * 3600 + dated.minute * 60 + Math.min(dated.second, 59);
        int diff = Math.floorMod(inner - out + 43_200, 86_400) - 43_200;
        day = datedDay + Math.floorDiv(out + diff, 86_400);
        lastSecondOfDay = inner;
        first = false;
        return day;
    }

    /** Says in the report where the dates or years came from, if any line needed them. */
    public void report(ReadContext ctx) {
        if (usedDate) {
            ctx.report.repair(faultline.model.ParseReport.Repair.DATE_INFERRED);
            ctx.report.note(0, Prose.format("dates.no-date", source, start), null);
        } else if (usedYear) {
            ctx.report.repair(faultline.model.ParseReport.Repair.DATE_INFERRED);
            ctx.report.note(0, Prose.format("dates.no-year", source, start.getYear()), null);
        }
    }

    private static int monthDay(int m, int d) {
        return m * 32 + d;
    }

    /** The first full date written at a token start of the sample's lines (a dated line, a date token). */
    private static LocalDate dateInLines(Sample sample) {
        Clock clock = new Clock();
        for (String line : sample.nonBlank()) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            int e = b.length;
            int q = LineLayout.spaces(b, 0, e);
            for (int k = 0; k <= LayoutInference.MAX_SKIP && q < e; k++) {
                int t = LineLayout.tokenEnd(b, q, e);
                int at = b[q] == '[' || b[q] == '(' ? q + 1 : q;
                try {
                    if (clock.parseAny(b, at, e) && clock.year > 0 && clock.shape != Clock.Shape.EPOCH) {
                        return LocalDate.of(clock.year, clock.month, clock.day);
                    }
                    if (t - q == 10 && LineLayout.dateYear(b, q, t) > 0) {
                        return LocalDate.of(Clock.num(b, q, 4), Clock.num(b, q + 5, 2), Clock.num(b, q + 8, 2));
                    }
                } catch (java.time.DateTimeException ex) {
                    // 31 February: not a date to go by
                }
                q = LineLayout.spaces(b, t, e);
            }
        }
        return null;
    }

    /** {@code 20250302}, {@code 2025-03-02}, {@code 2025_03_02} in a file name, found without a regex. */
    static LocalDate dateInName(String name) {
        int n = name.length();
        for (int i = 0; i + 8 <= n; i++) {
            if (i > 0 && Character.isDigit(name.charAt(i - 1))) {
                continue;
            }
            LocalDate d = dateAt(name, i, false);
            if (d == null) {
                d = dateAt(name, i, true);
            }
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate dateAt(String s, int i, boolean separated) {
        int len = separated ? 10 : 8;
        if (i + len > s.length()) {
            return null;
        }
        int y = digits(s, i, 4);
        int m;
        int d;
        if (separated) {
            char c = s.charAt(i + 4);
            if ((c != '-' && c != '_' && c != '.') || s.charAt(i + 7) != c) {
                return null;
            }
            m = digits(s, i + 5, 2);
            d = digits(s, i + 8, 2);
        } else {
            m = digits(s, i + 4, 2);
            d = digits(s, i + 6, 2);
            if (i + 8 < s.length() && Character.isDigit(s.charAt(i + 8))) {
                return null;
            }
        }
        if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
