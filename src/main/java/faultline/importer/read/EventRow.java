package faultline.importer.read;

import java.util.Locale;
import java.util.Set;

/**
 * One row of {@code kubectl get events}: its type (Normal, Warning), reason, object and message.
 *
 * @param object as kubectl writes it, {@code pod/web-7f9c}, {@code job.batch/nightly}, {@code node/gpu-3} (older
 *               kubectl: the name alone)
 * @param kind   the object's kind as written, {@code job.batch}, {@code Pod}
 */
record EventRow(String type, String reason, String object, String kind, String message) {
    /**
     * Warning reasons that say the object's work failed, not merely that something was slow or retried: a container
     * that keeps crashing (BackOff), a pod that cannot be placed, mounted or started (Failed…), killed for memory,
     * evicted, a job out of retries or time.
     */
    private static final Set<String> FAILING = Set.of("BackOff", "CrashLoopBackOff", "OOMKilling", "OOMKilled", "Evicted",
            "BackoffLimitExceeded", "DeadlineExceeded", "Preempted", "ErrImagePull", "ImagePullBackOff", "InspectFailed");

    /** The object's name: {@code web-7f9c} of {@code pod/web-7f9c}. */
    String name() {
        return object.substring(object.indexOf('/') + 1);
    }

    boolean warning() {
        return type.equalsIgnoreCase("Warning");
    }

    boolean failure() {
        return warning() && (reason.startsWith("Failed") || FAILING.contains(reason));
    }

    /** The object's kind without its API group: {@code job.batch/x} is a job. */
    String unitKind() {
        int dot = kind.indexOf('.');
        return (dot > 0 ? kind.substring(0, dot) : kind).toLowerCase(Locale.ROOT);
    }
}
