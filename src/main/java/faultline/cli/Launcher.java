package faultline.cli;

import faultline.text.Prose;

import faultline.ui.app.App;
import faultline.ui.opening.EarlyImport;
import javafx.application.Application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Entry point. {@code faultline [FILE…]} opens the window (on the bundled sample without files);
 * {@code faultline stats|report|export|events|tasks|fetch …} runs headless, without a display.
 */
public final class Launcher {
    static final Set<String> COMMANDS = Set.of("stats", "report", "export", "events", "tasks", "fetch", "help", "--help", "-h", "--version");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            // Headless commands draw with Java2D and must never ask for a display.
            System.setProperty("java.awt.headless", "true");
            System.exit(Cli.run(args, System.out, System.err));
            return;
        }
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--snapshot=")) {
                System.setProperty("faultline.snapshot", a.substring("--snapshot=".length()));
            } else if (a.equals("--follow")) {
                System.setProperty("faultline.follow", "true");
            } else {
                rest.add(a);
            }
        }
        List<java.nio.file.Path> files = new ArrayList<>();
        try {
            for (String a : rest) {
                if (!a.equals("--dark")) {
                    files.add(java.nio.file.Path.of(a));
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            files.clear(); // the window says what is wrong with the name
        }
        // The logs start being read now, while the toolkit starts and the window is built; without any, the
        // bundled sample that the window opens then.
        if (files.isEmpty() && rest.stream().allMatch(a -> a.equals("--dark"))) {
            try {
                files.addAll(faultline.workspace.BundledSample.files());
            } catch (java.io.IOException e) {
                // the window says so when it opens the sample
            }
        }
        EarlyImport.start(files);
        try {
            Application.launch(App.class, rest.toArray(new String[0]));
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("faultline: " + Prose.format("cli.window-failed", cause));
            if (Boolean.getBoolean("faultline.debug")) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }
}
