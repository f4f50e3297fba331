package faultline.cli;

import java.io.PrintStream;

/** {@code faultline report}: the comparison as Markdown or JSON. */
final class ReportCommand {
    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("faultline report: not available in this build yet");
        return 3;
    }
}
