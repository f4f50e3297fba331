package faultline.importer.merge;

import java.util.List;

/**
 * Whether a line names a unit only as the owner of the step it reports on: Temporal's activity logger appends the
 * activity's info, in which the workflow run is named beside the activity ({@code 'activity_id': '2', …,
 * 'workflow_run_id': '<uuid>'}). "done", "failed" on such a line are the activity's; the run retries it and goes on.
 */
final class OwnerMention {
    /** Keys of a step's own id, as the Python, TypeScript and Go SDKs write them. */
    private static final List<String> STEP_KEYS = List.of("activity_id", "activityId", "ActivityID");
    /** Keys under which a step's record names the run it belongs to. */
    private static final List<String> OWNER_KEYS = List.of("workflow_run_id", "workflowRunId", "RunID", "workflow_id", "workflowId",
            "WorkflowID");
    /** How far before the id its key may end: quotes, a colon or '=', spaces. */
    private static final int KEY_GAP = 5;

    private OwnerMention() {
    }

    /** Whether msg names id, and every time as the owner of a step whose own id the line gives too. */
    static boolean only(String msg, String id) {
        if (!hasStepKey(msg)) {
            return false;
        }
        int at = msg.indexOf(id);
        if (at < 0) {
            return false;
        }
        for (; at >= 0; at = msg.indexOf(id, at + 1)) {
            if (!ownerKeyBefore(msg, at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasStepKey(String msg) {
        for (String k : STEP_KEYS) {
            if (msg.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownerKeyBefore(String msg, int at) {
        int end = at;
        while (end > 0 && at - end < KEY_GAP && isGap(msg.charAt(end - 1))) {
            end--;
        }
        for (String k : OWNER_KEYS) {
            if (msg.startsWith(k, end - k.length()) && (end - k.length() == 0 || !Character.isLetterOrDigit(msg.charAt(end - k.length() - 1))
                    && msg.charAt(end - k.length() - 1) != '_')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGap(char c) {
        return c == '\'' || c == '"' || c == ':' || c == '=' || c == ' ';
    }
}
