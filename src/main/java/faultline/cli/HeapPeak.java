package faultline.cli;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use right after any collection while it listens: what an import really needs at its
 * peak, not only what it keeps at the end. Read from the collectors' notifications (standard JMX, no
 * vendor classes).
 */
final class HeapPeak implements AutoCloseable {
    private static final String NOTIFICATION = "com.sun.management.gc.notification";

    private final AtomicLong peak = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;

    HeapPeak() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, n -> NOTIFICATION.equals(n.getType()), null);
                emitters.add(e);
            }
        }
    }

    /** Bytes in use after the fullest collection so far (0 if none ran). */
    long bytes() {
        return peak.get();
    }

    private void onCollection(Notification n, Object handback) {
        if (!(n.getUserData() instanceof CompositeData info) || !info.containsKey("gcInfo")) {
            return;
        }
        CompositeData gcInfo = (CompositeData) info.get("gcInfo");
        if (gcInfo == null || !gcInfo.containsKey("memoryUsageAfterGc")) {
            return;
        }
        TabularData after = (TabularData) gcInfo.get("memoryUsageAfterGc");
        long used = 0;
        for (Object row : after.values()) {
            CompositeData entry = (CompositeData) row;
            used += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
        }
        peak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
