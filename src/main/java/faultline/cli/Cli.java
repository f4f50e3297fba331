package faultline.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The headless commands: each returns an exit code and writes to the given streams, never to a display. */
public final class Cli {
    static final String USAGE = String.join("\n",
            "usage: faultline [--follow] [--dark] [FILE…]  open the window (the bundled sample without files); --follow reads on as files grow",
            "       faultline stats FILE…                import figures: bytes, lines, events, tasks, MB/s, heap",
            "       faultline report FILE… [--task ID…] [--format md|json] [--align ANCHOR]",
            "       faultline export FILE… [--task ID…] [--align crash] [--window ±5ms|fit] [--png out.png] [--svg out.svg] [--scale 2] [--width 1600] [--title TEXT]",
            "       faultline fetch --db URL (--task ID…|--worker W|--failed-since 6h) [--since T] [--until T] [--no-cascade] --out FILE.jsonl",
            "       report and export also take --db URL with --task/--worker/--failed-since/--since/--until, beside or instead of files");

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String cmd = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (cmd) {
                case "stats":
                    return StatsCommand.run(rest, out, err);
                case "report":
                    return ReportCommand.run(rest, out, err);
                case "export":
                    return ExportCommand.run(rest, out, err);
                case "fetch":
                    return FetchCommand.run(rest, out, err);
                case "--version":
                    out.println("faultline 0.1.0");
                    return 0;
                default:
                    out.println(USAGE);
                    return 0;
            }
        } catch (UsageException e) {
            err.println("faultline " + cmd + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    /** Wrong arguments: told in one line plus the usage, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
