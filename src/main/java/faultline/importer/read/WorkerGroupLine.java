package faultline.importer.read;

/**
 * What an elastic agent (torchrun's) says of its worker group, in whatever layout its logger writes: a line that
 * ends {@code will restart worker group} ({@code [default] Worker group FAILED. 3/3 attempts left; will restart
 * worker group}, also for new nodes waiting to join) starts a new launch of every rank; {@code [default] worker group
 * successfully finished. Waiting 300 seconds for other agents to finish.} ends the launch's ranks done. Both are
 * known by how the line ends, so that any other line costs the test of its last byte.
 */
final class WorkerGroupLine {
    enum Says { NONE, RESTARTS, SUCCEEDED }

    private static final byte[] RESTART = "will restart worker group".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WAITING = "agents to finish".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final faultline.model.Needle SUCCEEDED = faultline.model.Needle.of("worker group successfully finished");

    private WorkerGroupLine() {
    }

    /** What the line [p, e) says of the worker group (e after any line end). */
    static Says of(byte[] b, int p, int e) {
        if (e <= p || (b[e - 1] != 'p' && b[e - 1] != '.' && b[e - 1] != ' ')) {
            return Says.NONE;
        }
        int end = e;
        while (end > p && (b[end - 1] == '.' || b[end - 1] == ' ')) {
            end--;
        }
        if (endsWith(b, p, end, RESTART)) {
            return Says.RESTARTS;
        }
        if (endsWith(b, p, end, WAITING)) {
            // "… successfully finished. Waiting 300 seconds for other agents to finish." (the wait is configurable)
            if (faultline.importer.scan.Bytes.indexOf(b, p, end, SUCCEEDED) >= 0) {
                return Says.SUCCEEDED;
            }
        }
        return Says.NONE;
    }

    private static final faultline.model.Needle ATTEMPTS = faultline.model.Needle.of(" attempts left");

    /**
     * Which restart a line that {@link Says#RESTARTS} tells, from its {@code N/M attempts left} (M − N + 1: the agent
     * prints how many restarts it has left before it takes one); 0 when it does not say (new nodes joining). Every
     * node's agent restarts its share of the group and says so: lines telling the same restart are one restart.
     */
    static int restartTold(byte[] b, int p, int e) {
        int at = faultline.importer.scan.Bytes.indexOf(b, p, e, ATTEMPTS);
        if (at < 0) {
            return 0;
        }
        int i = at;
        long max = 0, scale = 1;
        while (i > p && b[i - 1] >= '0' && b[i - 1] <= '9' && scale <= 1_000_000) {
            max += (b[--i] - '0') * scale;
            scale *= 10;
        }
        if (scale == 1 || i <= p || b[i - 1] != '/') {
            return 0;
        }
        i--;
        long left = 0;
        scale = 1;
        while (i > p && b[i - 1] >= '0' && b[i - 1] <= '9' && scale <= 1_000_000) {
            left += (b[--i] - '0') * scale;
            scale *= 10;
        }
        return scale == 1 || left > max ? 0 : (int) (max - left + 1);
    }

    private static boolean endsWith(byte[] b, int p, int end, byte[] word) {
        return end - word.length >= p && faultline.importer.merge.UnitVocabulary.startsWith(b, end - word.length, end, word);
    }
}
