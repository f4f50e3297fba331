package faultline.ui.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -Dfaultline.reopens=N}: the memory of opening the same files again, as File ▸ Open Recent does,
 * N times. After each open has been shown and the collector has had time to give memory back, prints the
 * process's resident memory, the heap and (with {@code -XX:NativeMemoryTracking=summary}) the JVM's own
 * account of its native memory; then opens again, and quits after the last.
 */
final class ReopenProbe {
    /** The periodic collection runs after three seconds without one (packaging/jvm.options): two of them, and some room (ms). */
    private static final double SETTLE_MS = Long.getLong("faultline.reopens.settle", 8000);
    private static final System.Logger LOG = System.getLogger("faultline.ui.app");

    private final MainViewModel vm;
    private final int opens;
    private int done;

    private ReopenProbe(MainViewModel vm, int opens) {
        this.vm = vm;
        this.opens = opens;
    }

    static void startIfAsked(MainViewModel vm) {
        int n = Integer.getInteger("faultline.reopens", 0);
        if (n <= 0) {
            return;
        }
        ReopenProbe p = new ReopenProbe(vm, n);
        vm.opener().busyProperty().addListener((o, was, now) -> {
            if (was && !now) {
                p.opened();
            }
        });
    }

    private void opened() {
        done++;
        PauseTransition settle = new PauseTransition(Duration.millis(SETTLE_MS));
        settle.setOnFinished(e -> {
            report();
            if (done < opens) {
                List<Path> files = List.copyOf(vm.document().files());
                vm.opener().open(files);
            } else {
                Platform.exit();
            }
        });
        settle.play();
    }

    private void report() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = ProcessFigures.residentBytes();
        System.out.printf("faultline: open %d: resident %d MB, heap used %d MB of %d MB committed, %,d tasks%n", done, rss >> 20,
                heap.getUsed() >> 20, heap.getCommitted() >> 20, vm.document().taskSet().tasks().size());
        if (Boolean.getBoolean("faultline.reopens.histogram")) {
            // A full collection first: what is left is what something still holds.
            String h = diagnostic("gcClassHistogram");
            if (h != null) {
                h.lines().limit(18).forEach(l -> System.out.println("faultline:   " + l));
                MemoryUsage live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                System.out.printf("faultline:   heap used after a full collection %d MB%n", live.getUsed() >> 20);
            }
        }
        String nmt = diagnostic("vmNativeMemory", "summary");
        if (nmt != null) {
            for (String line : nmt.split("\n")) {
                // The summary's category lines: "-  Java Heap (reserved=…, committed=…)".
                if (line.startsWith("-") || line.startsWith("Total")) {
                    System.out.println("faultline:   " + line.replaceAll("\\s+", " ").trim());
                }
            }
        }
    }

    /** A diagnostic command's answer (the native memory summary, a class histogram), or null when there is none. */
    private static String diagnostic(String command, String... args) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management", "type", "DiagnosticCommand"),
                    command, new Object[]{args}, new String[]{String[].class.getName()});
            String s = String.valueOf(out);
            // Without tracking the answer is one sentence saying so, with no figures in it.
            return s.contains("reserved=") || s.contains("#instances") ? s : null;
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no answer to " + command, e);
            return null;
        }
    }
}
