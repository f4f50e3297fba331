package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.importer.time.TimeParser;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a time field of a structured record, with the precision it was written with: ISO strings
 * ({@code 2025-03-02T10:11:12.345678Z}), Python's {@code asctime} ({@code 2025-03-02 10:11:12,345}),
 * {@code 2025/03/02 10:11:12}, RFC 1123, and epoch numbers in seconds, milliseconds, microseconds or
 * nanoseconds told apart by their size ({@code 1740910272.345} has three digits; {@code 1740910272345}
 * is milliseconds, also three). Objects of the shape loguru and log4j write ({@code {"timestamp": …}},
 * {@code {"epochSecond": …, "nanoOfSecond": …}}) too.
 */
final class JsonTime {
    private final TimeParser parser;
    private final TimeParser.Parsed parsed = new TimeParser.Parsed();
    /** Result of the last successful read. */
    long nanos;
    int precision;

    JsonTime(TimeParser parser) {
        this.parser = parser;
    }

    /** True if the value is a time; its nanos and precision are then set. */
    boolean read(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isNumber()) {
            return epoch(v.decimalValue());
        }
        if (v.isTextual()) {
            return text(v.asText().strip());
        }
        if (v.isObject()) {
            JsonNode sec = v.get("epochSecond");
            if (sec != null && sec.isNumber()) {
                JsonNode ns = v.get("nanoOfSecond");
                nanos = sec.longValue() * 1_000_000_000L + (ns != null && ns.isNumber() ? ns.longValue() : 0);
                precision = ns != null ? 9 : 0;
                return true;
            }
            for (String name : new String[]{"timestamp", "repr", "iso", "value", "$date"}) {
                if (v.has(name) && read(v.get(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern US_DATE = java.util.regex.Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2}(?:\\.\\d{1,9})?)(?:\\s*([AaPp][Mm]))?");

    /** A time written as text. */
    boolean text(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (parser.parseDateTime(s, 0, parsed) && !parsed.placeholder) {
            nanos = parsed.nanos;
            precision = parsed.precision;
            return true;
        }
        char c = s.charAt(0);
        java.util.regex.Matcher us = c >= '0' && c <= '9' ? US_DATE.matcher(s) : null;
        if (us != null && us.matches()) {
            // Windows' and .NET's en-US "2/15/2025 1:41:03 AM": the month first unless the first number can only be a day.
            int a = Integer.parseInt(us.group(1));
            int b = Integer.parseInt(us.group(2));
            int month = a > 12 ? b : a;
            int day = a > 12 ? a : b;
            int hour = Integer.parseInt(us.group(4));
            String half = us.group(7);
            if (half != null) {
                boolean pm = half.charAt(0) == 'P' || half.charAt(0) == 'p';
                if (hour < 1 || hour > 12) {
                    return false;
                }
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (month > 12 || day > 31 || hour > 23) {
                return false;
            }
            return text(String.format("%s-%02d-%02d %02d:%s:%s", us.group(3), month, day, hour, us.group(5), us.group(6)));
        }
        if (Character.isDigit(c) || c == '-') {
            if (s.length() >= 19 && s.charAt(4) == '/' && s.charAt(7) == '/') {
                return text(s.substring(0, 4) + '-' + s.substring(5, 7) + '-' + s.substring(8));
            }
            try {
                return epoch(new BigDecimal(s));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (Character.isLetter(c) && s.indexOf(',') > 0) {
            try {
                ZonedDateTime z = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                nanos = z.toEpochSecond() * 1_000_000_000L;
                precision = 0;
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude. */
    private boolean epoch(BigDecimal v) {
        BigDecimal a = v.abs();
        int unitDigits;
        if (a.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
            unitDigits = 0;
        } else if (a.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
            unitDigits = 3;
        } else if (a.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) {
            unitDigits = 6;
        } else {
            unitDigits = 9;
        }
        if (a.compareTo(BigDecimal.valueOf(100_000_000L)) < 0 && unitDigits == 0) {
            return false; // before 1973: a count or a duration, not a time
        }
        int fraction = Math.max(0, v.scale());
        precision = Math.min(9, unitDigits + fraction);
        nanos = v.movePointRight(9 - unitDigits).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        return true;
    }

    /**
     * A timestamp that opens a text ({@code 2025-03-02 10:11:12,345 ERROR …}, {@code [2025-03-02T10:11:12Z] …}):
     * the index just after it, or -1. Sets nanos and precision.
     */
    int leading(String s) {
        int from = 0;
        if (s.startsWith("[")) {
            from = 1;
        }
        if (s.length() < from + 19 || !Character.isDigit(s.charAt(from))) {
            return -1;
        }
        if (parser.parseDateTime(s, from, parsed) && !parsed.placeholder) {
            nanos = parsed.nanos;
            precision = parsed.precision;
            int end = parsed.end;
            if (from == 1 && end < s.length() && s.charAt(end) == ']') {
                end++;
            }
            return end;
        }
        return -1;
    }
}
