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

    private static boolean endsWith(byte[] b, int p, int end, byte[] word) {
        return end - word.length >= p && faultline.importer.merge.UnitVocabulary.startsWith(b, end - word.length, end, word);
    }
}
