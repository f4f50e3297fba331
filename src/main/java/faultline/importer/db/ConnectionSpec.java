package faultline.importer.db;

import faultline.text.Prose;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the worker system's database is: {@code postgresql://user@host:port/db?sslmode=…}, also
 * written {@code postgres://…} or {@code jdbc:postgresql://…}. Holds no password: a password written
 * in the URL is taken out by {@link #passwordIn} and never kept with the rest, so that what is saved
 * or shown ({@link #url()}) cannot carry it.
 *
 * @param sslMode as given, or null: then TLS is required for any host but this machine
 */
public record ConnectionSpec(String host, int port, String database, String user, String sslMode) {
    public static final int DEFAULT_PORT = 5432;
    private static final java.util.Set<String> SSL_MODES = java.util.Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public ConnectionSpec {
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException(Prose.format("db.url.sslmode", sslMode, String.join(", ", new java.util.TreeSet<>(SSL_MODES))));
        }
    }

    /** Reads a URL; user, host and database default as psql's do (PGUSER, PGHOST, PGDATABASE, then the login name). */
    public static ConnectionSpec parse(String url) {
        return parse(url, System.getenv());
    }

    static ConnectionSpec parse(String url, Map<String, String> env) {
        String s = url == null ? "" : url.strip();
        String rest = stripScheme(s);
        if (rest == null) {
            throw new IllegalArgumentException(Prose.format("db.url.not-postgres", safe(s)));
        }
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String kv : rest.substring(q + 1).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                query.put(decode(eq < 0 ? kv : kv.substring(0, eq)).toLowerCase(Locale.ROOT), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = decode(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            rest = rest.substring(at + 1);
        }
        String host = rest;
        Integer port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(Prose.format("db.url.unclosed", safe(s)));
            }
            String after = host.substring(close + 1);
            host = host.substring(1, close);
            if (after.startsWith(":")) {
                port = port(after.substring(1), s);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                port = port(host.substring(colon + 1), s);
                host = host.substring(0, colon);
            }
        }
        host = decode(host);
        if (host.isEmpty()) {
            host = query.getOrDefault("host", env.getOrDefault("PGHOST", "localhost"));
        }
        if (host.startsWith("/")) {
            throw new IllegalArgumentException(Prose.format("db.url.socket", host));
        }
        if (port == null) {
            String p = query.getOrDefault("port", env.get("PGPORT"));
            port = p == null || p.isEmpty() ? DEFAULT_PORT : port(p, s);
        }
        if (user == null || user.isEmpty()) {
            user = query.getOrDefault("user", env.getOrDefault("PGUSER", System.getProperty("user.name")));
        }
        String db = path.isEmpty() ? query.getOrDefault("dbname", env.getOrDefault("PGDATABASE", user)) : path;
        String ssl = query.containsKey("sslmode") ? query.get("sslmode").toLowerCase(Locale.ROOT) : env.get("PGSSLMODE");
        return new ConnectionSpec(host, port, db, user, ssl == null || ssl.isEmpty() ? null : ssl);
    }

    /** The password written in the URL ({@code user:secret@host}), or null: to be used once, not kept with the spec. */
    public static String passwordIn(String url) {
        String rest = stripScheme(url == null ? "" : url.strip());
        if (rest == null) {
            return null;
        }
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String info = authority.substring(0, at);
        int colon = info.indexOf(':');
        return colon < 0 ? null : decode(info.substring(colon + 1));
    }

    private static String stripScheme(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String scheme : new String[]{"jdbc:postgresql://", "postgresql://", "postgres://"}) {
            if (lower.startsWith(scheme)) {
                return s.substring(scheme.length());
            }
        }
        return null;
    }

    private static int port(String p, String url) {
        try {
            int v = Integer.parseInt(p);
            if (v > 0 && v < 65536) {
                return v;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(Prose.format("db.url.port", p, safe(url)));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL as it may be shown: any password replaced. */
    static String safe(String url) {
        return url.replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@");
    }

    /** Whether the host is this machine, where a connection without TLS is the usual setup. */
    public boolean isLocal() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The sslmode used: as given, else prefer on this machine and require anywhere else. */
    public String effectiveSslMode() {
        return sslMode != null ? sslMode : isLocal() ? "prefer" : "require";
    }

    /** host:port, as messages name the server. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL without any password: what a workspace keeps and the window shows. */
    public String url() {
        return "postgresql://" + user + "@" + server() + "/" + database + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    @Override
    public String toString() {
        return url();
    }
}
