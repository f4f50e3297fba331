package faultline.importer.read;

import faultline.importer.Sample;
import faultline.importer.scan.LineLayout;
import faultline.importer.time.Clock;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The offset a file's bare clocks are written at, judged from the lines that write one: a program that logs
 * some records with their offset ({@code time=2025-05-20T16:44:03.117+01:00}) and others with a bare local clock
 * (its web framework's access lines, {@code [GIN] 2025/05/20 - 16:44:03}) writes both on the same host's clock.
 * Read in UTC instead, the bare lines would sit an hour away from the others on the timeline.
 */
final class UnzonedClocks {
    private UnzonedClocks() {
    }

    /**
     * The one offset the sample's lines write, when some of its timed lines write it and others write none; null
     * when no line writes one, when lines write different ones, when every timed line writes one (nothing to
     * place), or when it is UTC. A container's or journald's clock before the program's is not the program's.
     */
    static ZoneOffset offsetBeside(Sample sample, List<LineLayout> layouts) {
        Clock clock = new Clock();
        int zoned = 0;
        int bare = 0;
        int offset = Clock.NO_OFFSET;
        for (String line : sample.lines()) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            for (LineLayout l : layouts) {
                if (l.outerClock || l.secondClock || !l.read(b, 0, b.length, clock) || clock.placeholder
                        || clock.shape == Clock.Shape.EPOCH) {
                    continue;
                }
                if (clock.offsetSeconds == Clock.NO_OFFSET) {
                    bare++;
                } else if (offset == Clock.NO_OFFSET || offset == clock.offsetSeconds) {
                    offset = clock.offsetSeconds;
                    zoned++;
                } else {
                    return null; // offsets that differ: a zone with summer time, or several hosts
                }
                break;
            }
        }
        if (zoned == 0 || bare == 0 || offset == 0) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(offset);
    }
}
