package faultline.importer;

import faultline.model.Level;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** logcat -v long: a bracketed header per record, its text on the lines below to a blank line. */
class LogcatLongTest {
    @TempDir
    Path dir;

    @Test
    void aRecordIsItsHeaderAndTheTextBelowIt() throws Exception {
        TaskSet set = load(write(dir, "long.txt", """
                [ 03-04 10:00:01.250  4100: 4100 I/Encoder  ]
                encoder ready

                [ 03-04 10:00:02.500  4100: 4133 E/Encoder  ]
                frame 12 rejected
                queue drained

                """));
        assertEquals(2, set.store().size());
        assertEquals("encoder ready", set.store().message(0));
        assertEquals(Level.ERROR, set.store().level(1));
        assertEquals("frame 12 rejected\nqueue drained", set.store().message(1));
        assertEquals("10:00:02.500", faultline.model.TimeText.clock(set.store().nanos(1), 3));
    }
}
