package faultline.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of source files, for workspaces and exported pictures: computed when asked (not at
 * import, where it would halve the speed), remembered per path, size and modification time.
 */
public final class Hashes {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Hashes() {
    }

    /** Lowercase hex SHA-256 of the file, or "" if it cannot be read. */
    public static String sha256(Path file) {
        try {
            String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            return CACHE.computeIfAbsent(key, k -> compute(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** Regular files only (a pipe or /dev/zero would never end), and only as many bytes as the file had when it was opened. */
    private static String compute(Path file) {
        if (faultline.importer.FileKind.notARegularFile(file) != null) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            long left = Files.size(file);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                md.update(buf, 0, n);
                left -= n;
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
