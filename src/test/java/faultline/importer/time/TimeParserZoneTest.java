package faultline.importer.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Local times in a zone with summer time turn into the instants the zone's rules give, in file order
 * and in any order, across its changes of offset: the offset of the last hour is kept between lines,
 * and must never be kept into an hour where it no longer holds.
 */
class TimeParserZoneTest {
    @Test
    void everyLocalTimeGetsTheZonesOffset() {
        for (String id : new String[] {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia"}) {
            ZoneId zone = ZoneId.of(id);
            TimeParser inOrder = new TimeParser(zone);
            TimeParser shuffled = new TimeParser(zone);
            long from = LocalDateTime.of(2011, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            long to = LocalDateTime.of(2013, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            Random random = new Random(3);
            for (long local = from; local < to; local += 1201) {
                check(zone, inOrder, local);
                check(zone, shuffled, from + (long) (random.nextDouble() * (to - from)));
            }
        }
    }

    private static void check(ZoneId zone, TimeParser p, long localSeconds) {
        long day = Math.floorDiv(localSeconds, 86_400L);
        long nanosOfDay = Math.floorMod(localSeconds, 86_400L) * 1_000_000_000L + 123;
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
        long want = (localSeconds - zone.getRules().getOffset(ldt).getTotalSeconds()) * 1_000_000_000L + 123;
        assertEquals(want, p.localToNanos(day, nanosOfDay), zone + " " + ldt);
    }
}
