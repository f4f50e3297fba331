package faultline.importer.read;

import faultline.importer.scan.Bytes;
import faultline.importer.scan.LineLayout;

/**
 * Systemd's word, in the journal of a service, that the service's main process died:
 * {@code systemd[1]: render.service: Main process exited, code=killed, status=9/KILL}, also
 * {@code code=dumped} and {@code code=exited, status=1/FAILURE}. The program it ran then ended with
 * the unit it had in hand, though its own lines say nothing more.
 */
final class ServiceExit {
    private ServiceExit() {
    }

    private static final String MAIN_EXITED = "Main process exited, code=";

    static boolean says(byte[] b, int p, int e) {
        int program = LineLayout.programEnd(b, p, e, 2);
        // Only systemd's own lines: the byte searches stay off every program's text.
        if (program < 0 || program - p > 64 || Bytes.indexOf(b, p, program, "systemd[") < 0) {
            return false;
        }
        int at = Bytes.indexOf(b, program, Math.min(e, program + 160), MAIN_EXITED);
        if (at < 0) {
            return false;
        }
        int code = at + MAIN_EXITED.length();
        if (startsWith(b, code, e, "killed") || startsWith(b, code, e, "dumped")) {
            return true;
        }
        // "code=exited, status=0/SUCCESS" is a clean exit; any other status is a failure.
        int status = Bytes.indexOf(b, code, Math.min(e, code + 40), "status=");
        return startsWith(b, code, e, "exited") && status >= 0 && status + 7 < e && b[status + 7] != '0';
    }

    private static boolean startsWith(byte[] b, int p, int e, String s) {
        if (p + s.length() > e) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
