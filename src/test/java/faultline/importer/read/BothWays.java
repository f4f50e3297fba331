package faultline.importer.read;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;

import java.nio.file.Path;
import java.util.List;

/** A text log read in one pass and in parallel parts, for tests that hold the two to the same reading. */
record BothWays(TaskSet onePass, TaskSet parts) {
    /** Reads the file twice; parts start from partsFrom bytes (0: whatever its size). */
    static BothWays read(Path f, long partsFrom) {
        long saved = GeneralTextReader.parallelFrom;
        try {
            GeneralTextReader.parallelFrom = Long.MAX_VALUE;
            TaskSet one = new Importer().importFiles(List.of(f), ImportMonitor.NONE);
            GeneralTextReader.parallelFrom = partsFrom;
            TaskSet parts = new Importer().importFiles(List.of(f), ImportMonitor.NONE);
            return new BothWays(one, parts);
        } catch (Exception e) {
            throw new AssertionError("could not read " + f, e);
        } finally {
            GeneralTextReader.parallelFrom = saved;
        }
    }

    /** The id of the unit of an event's task index, or null. */
    static String unit(TaskSet set, int task) {
        return task < 0 ? null : set.tasks().get(task).id();
    }
}
