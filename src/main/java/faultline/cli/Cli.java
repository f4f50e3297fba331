package faultline.cli;

import faultline.text.Prose;

import faultline.importer.ImportFailedException;
import faultline.workspace.AppInfo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The headless commands: each returns an exit code and writes to the given streams, never to a display. */
public final class Cli {
    static final String USAGE = Prose.get("cli.usage");

    private Cli() {
    }

    /**
     * Runs a command. What it writes passes through {@link TerminalSafeStream}, so that text from a log
     * never drives the terminal; a failure to write the output (a full disk, a closed pipe) is an exit
     * code of 1 with a message; no failure of any stage reaches the user as a stack trace.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String cmd = args.length == 0 ? "help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        // The data commands' records keep their text when they go to a file or a pipe (JSON escapes it,
        // CSV quotes it); on a terminal, and for every other command, control characters are shown.
        boolean records = (cmd.equals("events") || cmd.equals("tasks")) && System.console() == null;
        PrintStream o = new PrintStream(records ? out : new TerminalSafeStream(out), false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new TerminalSafeStream(err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = switch (cmd) {
                case "stats" -> StatsCommand.run(rest, o, e);
                case "report" -> ReportCommand.run(rest, o, e);
                case "export" -> ExportCommand.run(rest, o, e);
                case "events" -> EventsCommand.run(rest, o, e);
                case "tasks" -> TasksCommand.run(rest, o, e);
                case "fetch" -> FetchCommand.run(rest, o, e);
                case "--version" -> {
                    o.println(versionText());
                    yield 0;
                }
                default -> {
                    o.println(USAGE);
                    yield 0;
                }
            };
        } catch (UsageException ex) {
            e.println("faultline " + cmd + ": " + ex.getMessage());
            e.println(USAGE);
            e.flush();
            return 2;
        } catch (ImportFailedException ex) {
            e.println("faultline " + cmd + ": " + ex.getMessage());
            debug(ex, e);
            code = 1;
        } catch (OutOfMemoryError ex) {
            e.println("faultline " + cmd + ": " + Prose.get("cli.out-of-memory"));
            code = 1;
        } catch (RuntimeException | StackOverflowError ex) {
            e.println("faultline " + cmd + ": " + Prose.format("cli.internal-error", ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
            debug(ex, e);
            code = 1;
        }
        o.flush();
        if (o.checkError() || out.checkError()) {
            e.println("faultline " + cmd + ": " + Prose.get("cli.output-failed"));
            code = code == 0 ? 1 : code;
        }
        e.flush();
        return code;
    }

    private static void debug(Throwable ex, PrintStream err) {
        if (Boolean.getBoolean("faultline.debug")) {
            ex.printStackTrace(err);
        }
    }

    /** {@code faultline --version}: the pom's version first (scripts read that line), then what it runs on. */
    static String versionText() {
        AppInfo app = AppInfo.current();
        return "faultline " + app.version() + "\n"
                + "license " + app.license() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + "), JavaFX " + app.builtWithJavafx();
    }

    /** Wrong arguments: told in one line plus the usage, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
