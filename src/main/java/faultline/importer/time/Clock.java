package faultline.importer.time;

/**
 * The timestamps that log lines start with, parsed from bytes without a regex and without allocating.
 * A {@link Shape} says how a timestamp is written; {@link #parse} reads one shape at a position into
 * the fields of this (reused) object: the date parts the text had, the time of day, the fraction
 * digits written, an offset if written, or an epoch count.
 */
public final class Clock {
    /** How a timestamp is written. Each shape knows which parts of a date it lacks. */
    public enum Shape {
        /** {@code 2025-03-02 10:11:12,345}, {@code 2025-03-02T10:11:12.345678Z}, {@code 2025/03/02 …}, {@code 2005-06-03-15.42.50.675872}. */
        ISO(true, true),
        /** {@code 20171223-22:15:29:606}. */
        COMPACT(true, true),
        /** {@code 17/06/09 20:10:40} and {@code 081109 203615}: two-digit year. */
        SHORT_YEAR(true, true),
        /** {@code 03-02 10:11:12.345}, {@code 10.30 16:49:06}: month and day, no year. */
        MONTH_DAY(false, true),
        /** {@code Mar  2 10:11:12}, {@code Sun Dec 04 04:47:44 2005}, {@code Mar 02 2025 10:11:12}. */
        MONTH_NAME(false, true),
        /** {@code 02/Mar/2025:10:11:12 +0000}, {@code 02-Mar-2025 10:11:12.345}. */
        DAY_MONTH_NAME(true, true),
        /** {@code 10:11:12}, {@code 10:11:12.345}, {@code 10:11:12-123456}, {@code 6:36PM}, {@code 10:11:12 PM}: no date. */
        TIME(false, false),
        /** {@code E0302 10:11:12.345678} (glog, torch's elastic agent): a level letter, month and day. */
        GLOG(false, true),
        /** Seconds (10 digits), milliseconds (13), micro- (16) or nanoseconds (19) since 1970. */
        EPOCH(true, true);

        public final boolean hasYear;
        public final boolean hasDate;

        Shape(boolean hasYear, boolean hasDate) {
            this.hasYear = hasYear;
            this.hasDate = hasDate;
        }
    }

    static final Shape[] SHAPES = Shape.values();
    public static final int NO_OFFSET = Integer.MIN_VALUE;

    public int year;
    public int month;
    public int day;
    public int hour;
    public int minute;
    public int second;
    public long fraction;
    public int precision;
    public int offsetSeconds;
    public long epochNanos;
    public boolean placeholder;
    /** Index just after the timestamp. */
    public int end;
    public Shape shape;
    /** The level a glog timestamp starts with, or -1. */
    public int level;

    /** Tries every shape at p; the first that reads wins. */
    public boolean parseAny(byte[] b, int p, int e) {
        for (Shape s : SHAPES) {
            if (parse(s, b, p, e)) {
                return true;
            }
        }
        return false;
    }

    public boolean parse(Shape s, byte[] b, int p, int e) {
        year = -1;
        month = -1;
        day = -1;
        fraction = 0;
        precision = 0;
        offsetSeconds = NO_OFFSET;
        placeholder = false;
        shape = s;
        level = -1;
        boolean ok;
        switch (s) {
            case ISO: ok = iso(b, p, e); break;
            case COMPACT: ok = compact(b, p, e); break;
            case SHORT_YEAR: ok = shortYear(b, p, e); break;
            case MONTH_DAY: ok = monthDay(b, p, e); break;
            case MONTH_NAME: ok = monthName(b, p, e); break;
            case DAY_MONTH_NAME: ok = dayMonthName(b, p, e); break;
            case TIME: ok = timeOfDay(b, p, e, true) > 0 ? meridiem(b, e) : twelveHour(b, p, e); break;
            case EPOCH: ok = epoch(b, p, e); break;
            case GLOG: ok = glog(b, p, e); break;
            default: ok = false;
        }
        if (!ok) {
            return false;
        }
        if (offsetSeconds == NO_OFFSET && (s == Shape.MONTH_DAY || s == Shape.SHORT_YEAR || s == Shape.COMPACT || s == Shape.TIME || s == Shape.MONTH_NAME)) {
            zone(b, e); // logcat's "01-02 10:11:12.345678 +0100", PostgreSQL's "10:11:13.456 CET"
        }
        if (year >= 0 && (year < TimeParser.MIN_YEAR || year > TimeParser.MAX_YEAR)) {
            return false;
        }
        if (month != -1 && (month < 1 || month > 12 || day < 1 || day > 31)) {
            return false;
        }
        return true;
    }

    /** Nanoseconds of the time of day (for shapes that have one). */
    public long nanosOfDay() {
        return (hour * 3600L + minute * 60L + Math.min(second, 59)) * 1_000_000_000L + fraction;
    }

    private boolean iso(byte[] b, int p, int e) {
        if (p + 19 > e) {
            return false;
        }
        int y = num(b, p, 4);
        byte s1 = b[p + 4];
        if (y < 0 || (s1 != '-' && s1 != '/' && s1 != '.') || b[p + 7] != s1) {
            return false;
        }
        int mo = num(b, p + 5, 2);
        int d = num(b, p + 8, 2);
        byte sep = b[p + 10];
        // Airflow's task log as its web page shows it: "[2025-03-10, 08:01:05 UTC]".
        boolean comma = sep == ',' && p + 21 <= e && b[p + 11] == ' ';
        if (mo < 0 || d < 0 || (sep != 'T' && sep != ' ' && sep != '-' && sep != '_' && !comma)) {
            return false;
        }
        year = y;
        month = mo;
        day = d;
        int q = p + (comma ? 12 : 11);
        if (sep == ' ' && b[q] == '-' && q + 1 < e && b[q + 1] == ' ') {
            q += 2; // GIN: "2025/03/11 - 09:24:02"
        }
        if (b[q + 2] == '.' && b[q + 5] == '.') {
            // 2005-06-03-15.42.50.675872
            int h = num(b, q, 2);
            int mi = num(b, q + 3, 2);
            int se = num(b, q + 6, 2);
            if (!setTime(h, mi, se)) {
                return false;
            }
            end = fractionAt(b, q + 8, e, DOT);
            return end > 0;
        }
        return timeOfDay(b, q, e, true) > 0 && zone(b, e);
    }

    private boolean compact(byte[] b, int p, int e) {
        if (p + 13 > e) {
            return false;
        }
        int dash = p + 6;
        while (dash < e && dash < p + 8 && isDigit(b[dash])) {
            dash++;
        }
        if (dash >= e || b[dash] != '-' || num(b, p, dash - p) < 0) {
            return false;
        }
        int y = num(b, p, 4);
        int mo;
        int d;
        if (dash == p + 8) {
            mo = num(b, p + 4, 2);
            d = num(b, p + 6, 2);
        } else if (dash == p + 6) {
            // HealthApp writes no leading zeros anywhere: 201812-19:39:28:966 is 2018-1-2.
            mo = b[p + 4] - '0';
            d = b[p + 5] - '0';
        } else {
            // Seven digits: a one-digit month and a two-digit day where that is a date (2018110 is 2018-1-10).
            mo = b[p + 4] - '0';
            d = num(b, p + 5, 2);
            if (mo == 0 || d > 31) {
                mo = num(b, p + 4, 2);
                d = b[p + 6] - '0';
            }
        }
        if (y < 0 || mo < 0 || d < 0) {
            return false;
        }
        year = y;
        month = mo;
        day = d;
        int q = dash == p + 8 && p + 17 <= e ? timeOfDay(b, p + 9, e, false) : -1;
        if (q < 0) {
            return unpaddedTime(b, dash + 1, e);
        }
        if (q + 1 < e && b[q] == ':' && isDigit(b[q + 1])) {
            // 20171223-22:15:35:11: milliseconds written without their leading zeros
            int r = q + 1;
            int v = 0;
            while (r < e && r - q <= 3 && isDigit(b[r])) {
                v = v * 10 + (b[r] - '0');
                r++;
            }
            if (r < e && isDigit(b[r])) {
                return false;
            }
            fraction = v * 1_000_000L;
            precision = 3;
            end = r;
            return true;
        }
        end = q;
        return true;
    }

    /** HealthApp's time without leading zeros, {@code 0:5:9:7}: hour, minute, second and milliseconds, one to three digits each. */
    private boolean unpaddedTime(byte[] b, int p, int e) {
        int[] v = new int[4];
        int q = p;
        for (int k = 0; k < 4; k++) {
            int s = q;
            while (q < e && q - s < (k == 3 ? 3 : 2) && isDigit(b[q])) {
                v[k] = v[k] * 10 + (b[q] - '0');
                q++;
            }
            if (q == s || (q < e && isDigit(b[q]))) {
                return false;
            }
            if (k < 3) {
                if (q >= e || b[q] != ':') {
                    return false;
                }
                q++;
            }
        }
        if (!setTime(v[0], v[1], v[2])) {
            return false;
        }
        fraction = v[3] * 1_000_000L;
        precision = 3;
        end = q;
        return true;
    }

    /**
     * A date with the month first and a four-digit year: 04/10/2025 19:30:08 (Python's %m/%d/%Y), 3/2/2025 1:05:09 PM
     * (.NET's and Windows' en-US default, one-digit fields), 06/21/2025-01:29:55 (TensorRT-LLM's, a dash before the
     * time). The month first unless the first number can only be a day.
     */
    private boolean usDate(byte[] b, int p, int e) {
        int q = p;
        int a = 0;
        while (q < e && isDigit(b[q]) && q - p < 2) {
            a = a * 10 + (b[q++] - '0');
        }
        if (q >= e || b[q] != '/') {
            return false;
        }
        int r = ++q;
        int c = 0;
        while (q < e && isDigit(b[q]) && q - r < 2) {
            c = c * 10 + (b[q++] - '0');
        }
        if (q == r || q + 6 > e || b[q] != '/') {
            return false;
        }
        int y = num(b, q + 1, 4);
        if (y < 1970 || (b[q + 5] != ' ' && b[q + 5] != '-') || a < 1 || c < 1) {
            return false;
        }
        year = y;
        month = a > 12 ? c : a;
        day = a > 12 ? a : c;
        return month <= 12 && day <= 31 && clockTime(b, q + 6, e) > 0;
    }

    private boolean shortYear(byte[] b, int p, int e) {
        if (p + 13 > e) {
            return false;
        }
        if (isDigit(b[p]) && (b[p + 1] == '/' || (isDigit(b[p + 1]) && b[p + 2] == '/')) && usDate(b, p, e)) {
            return true;
        }
        if (b[p + 2] == '/' && b[p + 5] == '/' && p + 17 <= e && b[p + 8] == ' ') {
            int y = num(b, p, 2);
            int mo = num(b, p + 3, 2);
            int d = num(b, p + 6, 2);
            if (y < 0 || mo < 0 || d < 0) {
                return false;
            }
            if (y >= 1 && y <= 12 && d > 12) {
                // Month first (Rich's default "[%x %X]" in an en-US locale: "[05/14/25 12:20:41]"): a two-digit year
                // first would put the file before 2013, a day first never gives a month above twelve.
                int first = y;
                y = d;
                d = mo;
                mo = first;
            }
            year = twoDigitYear(y);
            month = mo;
            day = d;
            return timeOfDay(b, p + 9, e, true) > 0;
        }
        if (b[p + 6] == ' ' && (p + 13 == e || !isDigit(b[p + 13]))) {
            // 081109 203615
            int y = num(b, p, 2);
            int mo = num(b, p + 2, 2);
            int d = num(b, p + 4, 2);
            int h = num(b, p + 7, 2);
            int mi = num(b, p + 9, 2);
            int se = num(b, p + 11, 2);
            if (y < 0 || mo < 0 || d < 0 || !setTime(h, mi, se)) {
                return false;
            }
            year = twoDigitYear(y);
            month = mo;
            day = d;
            end = p + 13;
            return true;
        }
        return false;
    }

    private boolean monthDay(byte[] b, int p, int e) {
        if (p + 14 > e) {
            return false;
        }
        byte s = b[p + 2];
        if ((s != '-' && s != '.' && s != '/') || b[p + 5] != ' ') {
            return false;
        }
        int mo = num(b, p, 2);
        int d = num(b, p + 3, 2);
        if (mo < 0 || d < 0) {
            return false;
        }
        month = mo;
        day = d;
        return timeOfDay(b, p + 6, e, true) > 0;
    }

    private boolean monthName(byte[] b, int p, int e) {
        int q = p;
        int mo = monthOf(b, q, e);
        if (mo < 0 && dayOfWeek(b, q, e) && q + 4 < e && b[q + 3] == ' ') {
            q += 4;
            mo = monthOf(b, q, e);
        }
        if (mo < 0 || q + 4 >= e || b[q + 3] != ' ') {
            return false;
        }
        q += 4;
        if (b[q] == ' ') {
            q++;
        }
        int d = 0;
        int k = 0;
        while (q < e && k < 2 && isDigit(b[q])) {
            d = d * 10 + (b[q] - '0');
            q++;
            k++;
        }
        boolean comma = q < e && b[q] == ',';
        if (comma) {
            q++; // Mar 02, 2025 1:05:09 PM (java.util.logging's)
        }
        if (k == 0 || q >= e || b[q] != ' ') {
            return false;
        }
        q++;
        month = mo;
        day = d;
        if (q + 5 <= e && num(b, q, 4) >= 0 && b[q + 4] == ' ') {
            // Mar 02 2025 10:11:12
            year = num(b, q, 4);
            q += 5;
        } else if (comma) {
            return false;
        }
        int t = comma ? clockTime(b, q, e) : timeOfDay(b, q, e, true);
        if (t < 0) {
            return false;
        }
        t = end;
        if (year < 0 && t + 5 <= e && b[t] == ' ' && num(b, t + 1, 4) >= 0 && (t + 5 == e || !isDigit(b[t + 5]))) {
            // Sun Dec 04 04:47:44 2005
            year = num(b, t + 1, 4);
            end = t + 5;
        }
        return true;
    }

    private boolean dayMonthName(byte[] b, int p, int e) {
        if (p + 20 > e) {
            return false;
        }
        byte s = b[p + 2];
        if ((s != '/' && s != '-' && s != ' ') || b[p + 6] != s) {
            return false; // 02/Mar/2025:10:11:12, 02-Mar-2025 10:11:12, 09 Mar 2025 13:59:58.411 (redis)
        }
        int d = num(b, p, 2);
        int mo = monthOf(b, p + 3, e);
        int y = num(b, p + 7, 4);
        byte t = b[p + 11];
        if (d < 0 || mo < 0 || y < 0 || (t != ':' && t != ' ')) {
            return false;
        }
        year = y;
        month = mo;
        day = d;
        if (timeOfDay(b, p + 12, e, true) < 0) {
            return false;
        }
        int q = end;
        if (q + 6 <= e && b[q] == ' ' && (b[q + 1] == '+' || b[q + 1] == '-') && num(b, q + 2, 4) >= 0) {
            int sign = b[q + 1] == '-' ? -1 : 1;
            offsetSeconds = sign * (num(b, q + 2, 2) * 3600 + num(b, q + 4, 2) * 60);
            end = q + 6;
        }
        return true;
    }

    private boolean glog(byte[] b, int p, int e) {
        if (p + 14 > e) {
            return false;
        }
        if (b[p + 5] != ' ') {
            // c10 writes the month without its leading zero: "[W307 10:11:20.123456789 ProcessGroupNCCL.cpp:4561]".
            return b[p + 4] == ' ' && isDigit(b[p + 1]) && b[p + 1] != '0' && glogAt(b, p, e, num(b, p + 1, 1), num(b, p + 2, 2), p + 5);
        }
        return glogAt(b, p, e, num(b, p + 1, 2), num(b, p + 3, 2), p + 6);
    }

    private boolean glogAt(byte[] b, int p, int e, int mo, int d, int time) {
        int lv;
        switch (b[p]) {
            case 'I': lv = faultline.model.Level.INFO.ordinal(); break;
            case 'W': lv = faultline.model.Level.WARNING.ordinal(); break;
            case 'E': lv = faultline.model.Level.ERROR.ordinal(); break;
            case 'F': lv = faultline.model.Level.CRITICAL.ordinal(); break;
            case 'D': lv = faultline.model.Level.DEBUG.ordinal(); break;
            default: return false;
        }
        if (mo < 0 || d < 0 || timeOfDay(b, time, e, true) < 0) {
            return false;
        }
        month = mo;
        day = d;
        level = lv;
        return true;
    }

    private boolean epoch(byte[] b, int p, int e) {
        int q = p;
        long v = 0;
        while (q < e && q - p < 20 && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        int n = q - p;
        if (q < e && isDigit(b[q])) {
            return false;
        }
        long nanos;
        int prec;
        switch (n) {
            case 10: nanos = v * 1_000_000_000L; prec = 0; break;
            case 13: nanos = v * 1_000_000L; prec = 3; break;
            case 16: nanos = v * 1_000L; prec = 6; break;
            case 19: nanos = v; prec = 9; break;
            default: return false;
        }
        if (n == 10 && q + 1 < e && b[q] == '.' && isDigit(b[q + 1])) {
            int r = q + 1;
            long f = 0;
            int k = 0;
            while (r < e && isDigit(b[r])) {
                if (k < 9) {
                    f = f * 10 + (b[r] - '0');
                    k++;
                }
                r++;
            }
            for (int i = k; i < 9; i++) {
                f *= 10;
            }
            nanos += f;
            prec = k;
            q = r;
        }
        if (q < e && (isLetter(b[q]) || b[q] == '-' || b[q] == '.' || b[q] == ':')) {
            return false; // a version, an id or a decimal, not a clock
        }
        // Epoch numbers from 2001 to 2286: a count of another size is more likely an id.
        long seconds = nanos / 1_000_000_000L;
        if (seconds < 978_307_200L) {
            return false;
        }
        epochNanos = nanos;
        precision = prec;
        fraction = 0;
        end = q;
        return true;
    }

    /** HH:MM:SS at p with an optional fraction ({@code .f}, {@code ,f}, {@code -µs}) and, if asked, nothing more. Sets end. */
    private int timeOfDay(byte[] b, int p, int e, boolean withFraction) {
        if (p + 8 > e || b[p + 2] != ':' || b[p + 5] != ':') {
            return -1;
        }
        int h = num(b, p, 2);
        int mi = num(b, p + 3, 2);
        int se = num(b, p + 6, 2);
        if (!setTime(h, mi, se)) {
            return -1;
        }
        int q = p + 8;
        if (q < e && isDigit(b[q])) {
            return -1;
        }
        if (!withFraction) {
            end = q;
            return q;
        }
        if (q + 1 < e && b[q] == '-' && isDigit(b[q + 1])) {
            // 10:11:12-123456: the microseconds after a dash
            int r = q + 1;
            while (r < e && isDigit(b[r])) {
                r++;
            }
            if (r - q - 1 == 6 && (r == e || !isDigit(b[r]))) {
                end = fractionAt(b, q, e, DASH);
                return end;
            }
        }
        end = fractionAt(b, q, e, DOT);
        return end;
    }

    /**
     * A time of day after a written date: two-digit hours, or one where a twelve-hour clock writes it
     * ({@code 1:05:09 PM}), with its fraction, and {@code AM}/{@code PM} after it taken into the hour.
     */
    private int clockTime(byte[] b, int q, int e) {
        int t = timeOfDay(b, q, e, true);
        if (t < 0) {
            if (q + 7 > e || !isDigit(b[q]) || b[q + 1] != ':' || b[q + 4] != ':') {
                return -1;
            }
            if (!setTime(b[q] - '0', num(b, q + 2, 2), num(b, q + 5, 2)) || (q + 7 < e && isDigit(b[q + 7]))) {
                return -1;
            }
            end = fractionAt(b, q + 7, e, DOT);
        }
        int m = end;
        if (m + 3 <= e && b[m] == ' ' && ((b[m + 1] | 0x20) == 'a' || (b[m + 1] | 0x20) == 'p') && (b[m + 2] | 0x20) == 'm'
                && (m + 3 == e || !isLetter(b[m + 3]))) {
            if (hour < 1 || hour > 12) {
                return -1;
            }
            hour = hour % 12 + ((b[m + 1] | 0x20) == 'p' ? 12 : 0);
            end = m + 3;
        } else if (t < 0) {
            return -1; // a one-digit hour only on a twelve-hour clock
        }
        return end;
    }

    /**
     * A twelve-hour clock without a date, the hour in one or two digits and the seconds left out or not:
     * Go's time.Kitchen {@code 6:36PM} (zerolog's console default, so LocalAI's), {@code 1:05:09 PM}. Without
     * its AM or PM it is no clock: "1:05" in a message is a ratio or a verse.
     */
    private boolean twelveHour(byte[] b, int p, int e) {
        int q = p;
        int h = 0;
        while (q < e && q - p < 2 && isDigit(b[q])) {
            h = h * 10 + (b[q++] - '0');
        }
        if (q == p || q + 3 > e || b[q] != ':' || h < 1 || h > 12) {
            return false;
        }
        int mi = num(b, q + 1, 2);
        q += 3;
        int se = 0;
        if (q + 3 <= e && b[q] == ':') {
            se = num(b, q + 1, 2);
            q += 3;
        }
        if (mi < 0 || se < 0 || !setTime(h, mi, se) || (q < e && isDigit(b[q]))) {
            return false;
        }
        end = q;
        int m = q < e && b[q] == ' ' ? q + 1 : q;
        return isMeridiem(b, m, e) && meridiem(b, e);
    }

    /** AM or PM right after the time or after one space, taken into the hour; true when none is written. */
    private boolean meridiem(byte[] b, int e) {
        int m = end < e && b[end] == ' ' ? end + 1 : end;
        if (!isMeridiem(b, m, e)) {
            return true;
        }
        if (hour < 1 || hour > 12) {
            return true; // a 24-hour clock before a word "pm"
        }
        hour = hour % 12 + ((b[m] | 0x20) == 'p' ? 12 : 0);
        end = m + 2;
        return true;
    }

    private static boolean isMeridiem(byte[] b, int m, int e) {
        return m + 2 <= e && ((b[m] | 0x20) == 'a' || (b[m] | 0x20) == 'p') && (b[m + 1] | 0x20) == 'm'
                && (m + 2 == e || !(isLetter(b[m + 2]) || isDigit(b[m + 2]) || b[m + 2] == '_' || b[m + 2] == '-'));
    }

    private boolean setTime(int h, int mi, int se) {
        if (h < 0 || mi < 0 || se < 0 || h > 23 || mi > 59 || se > 60) {
            return false;
        }
        hour = h;
        minute = mi;
        second = se;
        return true;
    }

    private static final int DOT = 0;
    private static final int COLON = 1;
    private static final int DASH = 2;

    /** Reads {@code .f}/{@code ,f} (or {@code :f}, {@code -f} where the shape writes it so) at q; returns the end. */
    private int fractionAt(byte[] b, int q, int e, int separators) {
        byte c = q < e ? b[q] : 0;
        boolean sep = c == '.' || c == ',' || (separators == COLON && c == ':') || (separators == DASH && c == '-');
        if (q + 1 < e && sep) {
            int r = q + 1;
            long f = 0;
            int k = 0;
            while (r < e && isDigit(b[r])) {
                if (k < 9) {
                    f = f * 10 + (b[r] - '0');
                    k++;
                }
                r++;
            }
            if (k == 0) {
                int s = r;
                while (r < e && (b[r] == '?' || b[r] == 'x' || b[r] == 'X')) {
                    r++;
                }
                if (r > s && (b[q] == '.' || b[q] == ',')) {
                    placeholder = true;
                    return r;
                }
                return q; // "10:11:12, Info": a comma after the seconds, no fraction
            }
            for (int i = k; i < 9; i++) {
                f *= 10;
            }
            fraction = f;
            precision = k;
            return r;
        }
        return q;
    }

    /** Z or ±HH[:MM] after the time; sets end. */
    private boolean zone(byte[] b, int e) {
        int q = end;
        if (q < e && b[q] == 'Z') {
            offsetSeconds = 0;
            end = q + 1;
        } else if (q + 2 < e && (b[q] == '+' || b[q] == '-') && isDigit(b[q + 1]) && isDigit(b[q + 2])) {
            int sign = b[q] == '-' ? -1 : 1;
            int oh = num(b, q + 1, 2);
            int om = 0;
            int r = q + 3;
            if (r + 2 < e && b[r] == ':' && isDigit(b[r + 1]) && isDigit(b[r + 2])) {
                om = num(b, r + 1, 2);
                r += 3;
            } else if (r + 1 < e && isDigit(b[r]) && isDigit(b[r + 1])) {
                om = num(b, r, 2);
                r += 2;
            }
            if (oh > 14 || om > 59) {
                return true;
            }
            offsetSeconds = sign * (oh * 3600 + om * 60);
            end = r;
        } else if (q + 3 < e && b[q] == ' ') {
            spacedZone(b, q + 1, e);
        }
        return true;
    }

    /**
     * An offset or a zone's abbreviation after the time and a space, ending there: gunicorn's and an access
     * log's {@code 10:11:12 -0500}, {@code 10:11:12.123 +01:00}, PostgreSQL's and journald's {@code 10:11:13.456 CET}.
     * Abbreviations that name two zones (CST, IST) are not read.
     */
    private void spacedZone(byte[] b, int r, int e) {
        if (b[r] == '+' || b[r] == '-') {
            int oh = num(b, r + 1, 2);
            int t = r + 3;
            int om = -1;
            if (t + 3 <= e && b[t] == ':') {
                om = num(b, t + 1, 2);
                t += 3;
            } else if (t + 2 <= e) {
                om = num(b, t, 2);
                t += 2;
            }
            if (oh < 0 || oh > 14 || om < 0 || om > 59 || !zoneEnds(b, t, e)) {
                return;
            }
            offsetSeconds = (b[r] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            end = t;
            return;
        }
        int t = r;
        while (t < e && t - r < 5 && b[t] >= 'A' && b[t] <= 'Z') {
            t++;
        }
        if (t - r < 3 || !zoneEnds(b, t, e)) {
            return;
        }
        int minutes = abbreviation(new String(b, r, t - r, java.nio.charset.StandardCharsets.US_ASCII));
        if (minutes != NO_OFFSET) {
            offsetSeconds = minutes * 60;
            end = t;
        }
    }

    /** A zone ends the clock: the line's end, a space, a bracket, a comma or a parenthesis follows. */
    private static boolean zoneEnds(byte[] b, int t, int e) {
        return t == e || b[t] == ' ' || b[t] == ']' || b[t] == ',' || b[t] == ')' || b[t] == '\t' || b[t] == '\r' || b[t] == '|';
    }

    /** Minutes east of UTC of a zone's abbreviation, NO_OFFSET for one not known or not unique. */
    public static int abbreviation(String z) {
        switch (z) {
            case "UTC": case "GMT": case "UT": case "WET": return 0;
            case "CET": case "WEST": case "BST": case "MET": return 60;
            case "CEST": case "EET": case "MEST": case "SAST": return 120;
            case "EEST": case "MSK": return 180;
            case "PKT": return 300;
            case "HKT": case "SGT": case "AWST": return 480;
            case "JST": case "KST": return 540;
            case "ACST": return 570;
            case "AEST": return 600;
            case "AEDT": return 660;
            case "NZST": return 720;
            case "NZDT": return 780;
            case "EST": return -300;
            case "EDT": return -240;
            case "CDT": return -300;
            case "MST": return -420;
            case "MDT": return -360;
            case "PST": return -480;
            case "PDT": return -420;
            case "AKST": return -540;
            case "AKDT": return -480;
            case "HST": return -600;
            default: return NO_OFFSET;
        }
    }

    private static int twoDigitYear(int y) {
        return y < 70 ? 2000 + y : 1900 + y;
    }

    private static final byte[][] MONTHS = {
            "jan".getBytes(), "feb".getBytes(), "mar".getBytes(), "apr".getBytes(), "may".getBytes(), "jun".getBytes(),
            "jul".getBytes(), "aug".getBytes(), "sep".getBytes(), "oct".getBytes(), "nov".getBytes(), "dec".getBytes()};
    private static final byte[][] DAYS = {
            "mon".getBytes(), "tue".getBytes(), "wed".getBytes(), "thu".getBytes(), "fri".getBytes(), "sat".getBytes(), "sun".getBytes()};

    /** 1–12 for a three-letter month name at p (any case), else -1. */
    static int monthOf(byte[] b, int p, int e) {
        if (p + 3 > e) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (same3(b, p, MONTHS[m])) {
                return m + 1;
            }
        }
        return -1;
    }

    private static boolean dayOfWeek(byte[] b, int p, int e) {
        if (p + 3 > e) {
            return false;
        }
        for (byte[] d : DAYS) {
            if (same3(b, p, d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same3(byte[] b, int p, byte[] w) {
        return (b[p] | 0x20) == w[0] && (b[p + 1] | 0x20) == w[1] && (b[p + 2] | 0x20) == w[2];
    }

    public static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static int num(byte[] b, int p, int count) {
        if (p < 0 || p + count > b.length) {
            return -1;
        }
        int v = 0;
        for (int i = p; i < p + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }
}
