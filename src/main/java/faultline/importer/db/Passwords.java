package faultline.importer.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the password of a connection as psql does: the URL, then {@code PGPASSWORD}, then the
 * password file ({@code PGPASSFILE}, else {@code ~/.pgpass}), first matching line. A password file
 * that others may read is ignored, as psql ignores it, and said so. Passwords are only ever held in
 * memory for the connection; nothing here writes one anywhere.
 */
public final class Passwords {
    private final Map<String, String> env;
    private final Path home;
    private final List<String> notes = new ArrayList<>();

    public Passwords(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static Passwords ofSystem() {
        return new Passwords(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** What was noticed while looking (a password file left readable by others). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public Optional<String> find(ConnectionSpec spec, String fromUrl) {
        if (fromUrl != null && !fromUrl.isEmpty()) {
            return Optional.of(fromUrl);
        }
        String pg = env.get("PGPASSWORD");
        if (pg != null && !pg.isEmpty()) {
            return Optional.of(pg);
        }
        return fromFile(spec);
    }

    Optional<String> fromFile(ConnectionSpec spec) {
        String named = env.get("PGPASSFILE");
        Path file = named != null && !named.isEmpty() ? Path.of(named) : home.resolve(".pgpass");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                notes.add(file + " is readable by others and is ignored, as psql ignores it (chmod 600 " + file + ")");
                return Optional.empty();
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here (Windows): read it as psql does there
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> f = fields(line);
                if (f.size() < 5) {
                    continue;
                }
                if (matches(f.get(0), spec.host()) && matches(f.get(1), Integer.toString(spec.port()))
                        && matches(f.get(2), spec.database()) && matches(f.get(3), spec.user())) {
                    return Optional.of(f.get(4));
                }
            }
        } catch (IOException e) {
            notes.add(file + " cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value)
                || (pattern.equals("localhost") && (value.equals("127.0.0.1") || value.equals("::1")));
    }

    /** host:port:database:user:password with \: and \\ escaped; the password takes the rest of the line. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                sb.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
