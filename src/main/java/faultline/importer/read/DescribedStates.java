package faultline.importer.read;

/**
 * What {@code kubectl describe pod} says of how its containers ended, read from its indented {@code Key: value}
 * lines before the Events section: a {@code State:} or {@code Last State:} of {@code Terminated} with a
 * {@code Reason:} other than {@code Completed} or a non-zero {@code Exit Code:} is the cause of the pod's
 * restarts ({@code OOMKilled}, exit code 137), which the events only tell as a back-off; a {@code Waiting}
 * state with a back-off reason, and the pod's own {@code Status: Failed} (an eviction, with its
 * {@code Reason:} and {@code Message:}), fail it too; {@code Status: Succeeded} completes it.
 */
final class DescribedStates {
    private String block = "";
    private int blockIndent = -1;
    private String reason = "";
    private String exitCode = "";
    private boolean podLevel;

    /** The first termination's cause, "OOMKilled (exit code 137)". */
    private String terminated;
    private String waiting;
    private String podStatus = "";
    private String podReason = "";
    private String podMessage = "";

    /** Reads one line of the description; true if the line says the pod's work failed. */
    boolean line(String raw) {
        int indent = 0;
        while (indent < raw.length() && (raw.charAt(indent) == ' ' || raw.charAt(indent) == '\t')) {
            indent++;
        }
        int colon = raw.indexOf(':', indent);
        if (colon < 0) {
            return false;
        }
        String key = raw.substring(indent, colon).strip();
        String value = raw.substring(colon + 1).strip();
        if (blockIndent >= 0 && indent <= blockIndent) {
            close();
        }
        if (indent == 0) {
            podLevel = true;
            switch (key) {
                case "Status" -> podStatus = value;
                case "Reason" -> podReason = value;
                case "Message" -> podMessage = value;
                default -> {
                }
            }
            return key.equals("Status") && value.equals("Failed");
        }
        if (key.equals("State") || key.equals("Last State") || key.equals("Last Termination State")) {
            block = value;
            blockIndent = indent;
            reason = "";
            exitCode = "";
            return false;
        }
        if (blockIndent < 0) {
            return false;
        }
        if (key.equals("Reason")) {
            reason = value;
            return failed();
        }
        if (key.equals("Exit Code")) {
            exitCode = value;
            return failed() && (reason.isEmpty() || reason.equals("Completed"));
        }
        return false;
    }

    private boolean failed() {
        if (block.equals("Terminated")) {
            return (!reason.isEmpty() && !reason.equals("Completed")) || (!exitCode.isEmpty() && !exitCode.equals("0"));
        }
        return block.equals("Waiting") && (reason.endsWith("BackOff") || reason.startsWith("Err") || reason.endsWith("Error"));
    }

    private void close() {
        if (failed()) {
            String cause = (reason.isEmpty() ? "Terminated" : reason) + (exitCode.isEmpty() ? "" : " (exit code " + exitCode + ")");
            if (block.equals("Terminated") && terminated == null) {
                terminated = cause;
            } else if (block.equals("Waiting") && waiting == null) {
                waiting = cause;
            }
        }
        blockIndent = -1;
        block = "";
    }

    /** Whether the description said anything of the pod's state. */
    boolean any() {
        close();
        return podLevel;
    }

    /** The failure the description tells, or null: a termination's cause first, which the events only name a back-off. */
    String failure(String fromEvents) {
        close();
        if (podStatus.equals("Failed")) {
            String why = (podReason + (podMessage.isEmpty() ? "" : ": " + podMessage)).strip();
            return why.isEmpty() ? terminated != null ? terminated : fromEvents != null ? fromEvents : "Failed" : why;
        }
        if (terminated != null) {
            return terminated;
        }
        if (waiting != null) {
            return fromEvents != null ? fromEvents : waiting;
        }
        return null;
    }

    boolean succeeded() {
        return podStatus.equals("Succeeded");
    }

    /** A new object's description starts. */
    void reset() {
        block = "";
        blockIndent = -1;
        reason = "";
        exitCode = "";
        podLevel = false;
        terminated = null;
        waiting = null;
        podStatus = "";
        podReason = "";
        podMessage = "";
    }
}
