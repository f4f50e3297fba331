package faultline.cli;

import faultline.text.Prose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where this process's standard output goes, when the system tells (Linux: {@code /proc/self/fd/1}):
 * {@code report log >> log} must not write the report into the log it reads.
 */
final class StandardOutput {
    private static final Path FD1 = Path.of("/proc/self/fd/1");

    private StandardOutput() {
    }

    /** Why the output must not be written (it is one of the files), or null. */
    static String overAnInput(List<Path> inputs) {
        try {
            if (!Files.isRegularFile(FD1)) {
                return null;
            }
            for (Path p : inputs) {
                if (Files.exists(p) && Files.isSameFile(FD1, p)) {
                    return Prose.format("cli.output-is-input", p.getFileName());
                }
            }
        } catch (IOException | RuntimeException e) {
            // an output that cannot be compared is not one of the inputs
        }
        return null;
    }
}
