package faultline.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeTextTest {
    private static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void showsExactlyThePrecisionTheLogHad() {
        long t = at("2026-02-24T14:31:53.553060Z");
        assertEquals("14:31:53.553060", TimeText.clock(t, 6));
        assertEquals("14:31:53.55306", TimeText.clock(t, 5));
        assertEquals("14:31:53", TimeText.clock(t, 0));
        assertEquals("2026-02-24 14:31:53.553", TimeText.full(t, 3));
        assertEquals("14:31:53.553060001", TimeText.clock(t + 1, 9), "a nanosecond at today's epoch is kept");
    }

    @Test
    void durationsInAdaptiveUnits() {
        assertEquals("0.636 ms", DurationText.of(636_000));
        assertEquals("1.031 ms", DurationText.of(1_031_000));
        assertEquals("47.2 µs", DurationText.of(47_200));
        assertEquals("250 ns", DurationText.of(250));
        assertEquals("248 s", DurationText.of(248_281_704_000L));
        assertEquals("12 min 8 s", DurationText.of(728_000_000_000L));
        assertEquals("2 h 5 min", DurationText.of(7_500_000_000_000L));
        assertEquals("T−1.031 ms", DurationText.relative(-1_031_000));
        assertEquals("+0.636 ms", DurationText.signed(636_000));
        assertEquals("1.000 s", DurationText.of(999_999_999L), "rounding never shows 1000 ms");
        assertEquals("0.100 ms", DurationText.of(99_999L + 1));
    }

    @Test
    void readsDurationsAsUsersTypeThem() {
        assertEquals(250_000_000L, DurationText.parse("+250ms"));
        assertEquals(-2_000_000_000L, DurationText.parse("-2s"));
        assertEquals(1_500_000_000L, DurationText.parse("1.5 s"));
        assertEquals(30_000L, DurationText.parse("30µs"));
        assertEquals(60_000_000_000L, DurationText.parse("1min"));
        assertEquals(0, DurationText.parse(""));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("soon"));
    }

    @Test
    void pythonTypesOfPrintedValues() {
        assertEquals("float", ParamValue.ofLiteral("7.5").type());
        assertEquals("int", ParamValue.ofLiteral("1").type());
        assertEquals("str", ParamValue.ofLiteral("'unipc'").type());
        assertEquals("NoneType", ParamValue.ofLiteral("None").type());
        assertEquals("list", ParamValue.ofLiteral("[]").type());
        assertEquals(true, ParamValue.ofLiteral("7.5").contradicts("int"));
        assertEquals(false, ParamValue.ofLiteral("2").contradicts("int"));
        assertEquals(false, ParamValue.ofLiteral("5").contradicts("float"), "an int literal is a valid float");
    }

    @Test
    void isoInTheSourcesOffsetWithTheDigitsTheLineHad() {
        long t = at("2025-03-02T09:11:12.345000Z");
        assertEquals("2025-03-02T09:11:12.345Z", TimeText.isoAt(t, 3, java.time.ZoneOffset.UTC));
        assertEquals("2025-03-02T10:11:12.345+01:00", TimeText.isoAt(t, 3, java.time.ZoneId.of("Europe/Berlin")));
        assertEquals("2025-07-02T11:11:12+02:00", TimeText.isoAt(at("2025-07-02T09:11:12Z"), 0, java.time.ZoneId.of("Europe/Berlin")),
                "the offset in force at that instant");
        assertEquals("2025-03-02T04:11:12.34500-05:00", TimeText.isoAt(t, 5, java.time.ZoneId.of("America/New_York")));
        assertEquals("1969-12-31T23:59:59.999999999Z", TimeText.isoAt(-1, 9, null), "before the epoch, floor not truncation");
    }
}
