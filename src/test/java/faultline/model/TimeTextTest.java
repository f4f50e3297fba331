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
}
