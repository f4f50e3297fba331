package faultline.importer.time;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twelve-hour clocks after a written date (.NET's and Windows' en-US default, java.util.logging's) and without one (Go's Kitchen). */
class TwelveHourClockTest {
    private static String read(String line) {
        Clock c = new Clock();
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        if (!c.parseAny(b, 0, b.length)) {
            return null;
        }
        return String.format("%04d-%02d-%02d %02d:%02d:%02d|%s", c.year, c.month, c.day, c.hour, c.minute, c.second,
                line.substring(c.end));
    }

    @Test
    void usDatesWithOneDigitFieldsAndMeridiem() {
        assertEquals("2025-03-02 10:11:07| [Information] starting", read("3/2/2025 10:11:07 AM [Information] starting"));
        assertEquals("2025-03-02 13:05:09| [Warning] slow", read("3/2/2025 1:05:09 PM [Warning] slow"));
        assertEquals("2025-03-02 23:59:59| x", read("3/2/2025 11:59:59 PM x"));
        assertEquals("2025-03-03 00:00:05| x", read("3/3/2025 12:00:05 AM x"), "midnight is twelve AM");
        assertEquals("2025-03-03 12:00:05| x", read("3/3/2025 12:00:05 PM x"), "noon is twelve PM");
        assertEquals("2025-12-24 17:30:00| x", read("12/24/2025 5:30:00 pm x"));
    }

    @Test
    void javaUtilLoggingsHeader() {
        assertEquals("2025-03-02 13:05:09| com.example.Worker run", read("Mar 02, 2025 1:05:09 PM com.example.Worker run"));
        assertEquals("2025-03-02 10:11:14| com.example.Worker run", read("Mar 02, 2025 10:11:14 AM com.example.Worker run"));
    }

    @Test
    void aOneDigitHourNeedsItsMeridiemAndTwelveHoursAtMost() {
        assertEquals(null, read("3/2/2025 1:05:09 [Warning] slow"));
        assertFalse(read("3/2/2025 13:05:09 PM x") != null && read("3/2/2025 13:05:09 PM x").startsWith("2025-03-02 13"),
                "13 PM is no time of a twelve-hour clock");
        assertTrue(read("3/2/2025 13:05:09 x").startsWith("2025-03-02 13:05:09"), "a 24-hour clock after the same date");
    }

    @Test
    void goKitchenClockWithoutDateOrSeconds() {
        assertEquals("-001--1--1 18:36:00| INF Loading model", read("6:36PM INF Loading model"));
        assertEquals("-001--1--1 00:05:00| DBG x", read("12:05AM DBG x"), "twelve AM is the first hour of the day");
        assertEquals("-001--1--1 12:05:00| ERR x", read("12:05PM ERR x"), "twelve PM is noon");
        assertEquals("-001--1--1 23:59:00| WRN x", read("11:59PM WRN x"));
        assertEquals("-001--1--1 13:05:09| x", read("1:05:09 PM x"), "seconds and a space before the meridiem");
        assertEquals("-001--1--1 22:11:12| x", read("10:11:12 PM x"), "a two-digit hour takes its meridiem too");
        assertEquals("-001--1--1 14:00:00| pm2 started", read("14:00:00 pm2 started"), "a word after a 24-hour clock");
        assertEquals(null, read("6:36 INF x"), "without AM or PM a short time is no clock");
        assertEquals(null, read("13:05PM x"));
        assertEquals(null, read("1:05PMX x"));
    }
}
