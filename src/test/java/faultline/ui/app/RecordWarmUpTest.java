package faultline.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every record the window's warm-up names can still be made from empty values, so none of their methods is left cold. */
class RecordWarmUpTest {
    @Test
    void everyNamedRecordIsMadeAndLinked() {
        assertEquals(RecordWarmUp.RECORDS.size(), RecordWarmUp.warmAll(),
                "a record in RecordWarmUp.RECORDS was renamed, or its constructor refuses empty values: " + RecordWarmUp.RECORDS);
    }
}
