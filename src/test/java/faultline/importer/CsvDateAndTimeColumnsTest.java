package faultline.importer;

import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.time;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A spreadsheet's or an event viewer's export with a Date and a Time column: the rows have both. */
class CsvDateAndTimeColumnsTest {
    @TempDir
    Path dir;

    @Test
    void aDateColumnAndATimeColumnMakeTheRowsTime() throws Exception {
        Path f = write(dir, "export.csv", """
                Date,Time,Level,Message
                2025-03-02,10:11:12,INFO,worker up
                2025-03-03,10:11:13,ERROR,boom
                """);
        TaskSet set = load(f);
        assertEquals("2025-03-02 10:11:12", time(set, row(set, "worker up")).substring(0, 19));
        assertEquals("2025-03-03 10:11:13", time(set, row(set, "boom")).substring(0, 19), "each row its own date");
    }
}
