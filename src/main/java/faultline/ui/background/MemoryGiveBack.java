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
    private static final long MIN_GAP_NANOS = 2_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

    private MemoryGiveBack() {
    }

    /** Starts a concurrent collection on a thread of its own (the call waits for the cycle to end). */
    public static void now() {
        long at = System.nanoTime();
        long was = last.get();
        // A followed file is read again every few seconds: one cycle at a time, and not more than one in two seconds.
        if (!CONCURRENT || (was != 0 && at - was < MIN_GAP_NANOS) || !last.compareAndSet(was, at)) {
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
