package faultline.importer;

import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record whose text goes on after a blank line (Hydra's and Lightning's tables under a bracketed clock):
 * its message is shaped line by line, the blank one too, and every view of it reads.
 */
class BlankLineInRecordTest {
    @TempDir
    Path dir;

    @Test
    void aBlankLineInsideARecordUnderABracketedClockIsText() throws Exception {
        Path f = write(dir, "train.log", "[2024-03-21 14:02:11,408][__main__][INFO] - Instantiating model\n\n"
                + "  | Name | Type           | Params\n"
                + "[2024-03-21 14:02:12,001][__main__][INFO] - Starting training\n");
        TaskSet set = load(f);
        EventStore s = set.store();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            all.append(s.message(i)).append('|');
        }
        assertTrue(all.toString().contains("Instantiating model"), all.toString());
        assertTrue(all.toString().contains("Starting training"), all.toString());
        assertEquals(4, set.report().totalLines());
    }
}
