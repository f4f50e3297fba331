package faultline.importer.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl's events table: columns where the header puts them (an empty cell too); no other line opens one. */
class EventTableTest {
    @Test
    void headerColumnsGiveEachRowsObjectAndAnEmptySubobjectShiftsNothing() {
        EventTable t = EventTable.of("LAST SEEN   TYPE      REASON    OBJECT        SUBOBJECT         SOURCE    MESSAGE");
        EventRow r = t.row("3m          Warning   Failed    pod/api-1                       kubelet   Error: ErrImagePull");
        assertEquals("pod/api-1", r.object());
        assertEquals("Error: ErrImagePull", r.message());
        assertTrue(r.failure());
        assertEquals("pod", r.unitKind());
    }

    @Test
    void aLineThatIsNoHeaderOpensNoTable() {
        assertNull(EventTable.of("2025-01-02 10:00:00 INFO REASON OBJECT MESSAGE were words of a log line"));
        assertNull(EventTable.of("TYPE      REASON    MESSAGE      (no age, no object)"));
    }
}
