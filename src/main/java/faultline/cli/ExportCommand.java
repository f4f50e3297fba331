package faultline.cli;

import java.io.PrintStream;

/** {@code faultline export}: the timeline picture as PNG or SVG, without a display. */
final class ExportCommand {
    private ExportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("faultline export: not available in this build yet");
        return 3;
    }
}
