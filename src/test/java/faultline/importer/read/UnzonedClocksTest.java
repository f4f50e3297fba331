package faultline.importer.read;

import faultline.importer.Sample;
import faultline.importer.scan.LayoutInference;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A file's bare clocks are read at the offset its other lines write, and only where that offset is the file's one. */
class UnzonedClocksTest {

    private static ZoneOffset of(String text) {
        Sample s = Sample.of("server.log", text);
        return UnzonedClocks.offsetBeside(s, LayoutInference.infer(s).layouts());
    }

    @Test
    void bareAccessLinesBesideRecordsWithAnOffsetTakeThatOffset() {
        String log = """
                time=2025-03-11T09:23:09.826+01:00 level=INFO source=images.go:432 msg="total blobs: 12"
                time=2025-03-11T09:23:09.833+01:00 level=INFO source=routes.go:1297 msg="Listening on [::]:11434"
                [GIN] 2025/03/11 - 09:24:19 | 200 |  16.77s |  127.0.0.1 | POST     "/api/chat"
                time=2025-03-11T09:31:44.991+01:00 level=ERROR source=server.go:449 msg="llama runner terminated"
                [GIN] 2025/03/11 - 09:31:44 | 500 |  5.38s |  127.0.0.1 | POST     "/api/generate"
                """;
        assertEquals(ZoneOffset.ofHours(1), of(log));
    }

    @Test
    void nothingIsLearnedWithoutBareLinesWithUtcOrWithOffsetsThatDiffer() {
        assertNull(of("""
                2025-03-11T09:23:09.826+01:00 INFO started
                2025-03-11T09:23:10.001+01:00 INFO ready
                """), "every line writes its offset: nothing to place");
        assertNull(of("""
                time=2025-03-11T09:23:09.826Z level=INFO msg="total blobs: 12"
                [GIN] 2025/03/11 - 09:24:19 | 200 |  16.77s |  127.0.0.1 | POST     "/api/chat"
                """), "UTC is what bare clocks are read in anyway");
        assertNull(of("""
                2025-03-30T01:59:58.100+01:00 INFO before the change
                2025-03-30 02:30:00,000 INFO a bare clock
                2025-03-30T03:00:01.200+02:00 INFO after the change
                """), "a zone with summer time writes two offsets: no single one is the file's");
    }
}
