package faultline.ui.background;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Hands the heap a model no longer needs back to the system once the window's work on a newly opened
 * set is over. The periodic collection of packaging/jvm.options does so only after three seconds without
 * any collection, which a set's background analyses keep putting off: resident memory after an open
 * then depended on when it was looked at. Only where an explicit collection is a concurrent cycle
 * ({@code -XX:+ExplicitGCInvokesConcurrent}), which shrinks the heap at its end without stopping the
 * window; a full stop-the-world collection of a large model would freeze it.
 */
public final class MemoryGiveBack {
    private static final boolean CONCURRENT = explicitCollectionIsConcurrent();

    private MemoryGiveBack() {
    }

    /** Starts a concurrent collection on a thread of its own (the call waits for the cycle to end). */
    public static void now() {
        if (!CONCURRENT) {
            return;
        }
        Thread t = new Thread(System::gc, "memory give-back");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static boolean explicitCollectionIsConcurrent() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("ExplicitGCInvokesConcurrent").getValue())
                    && Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
