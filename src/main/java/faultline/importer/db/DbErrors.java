package faultline.importer.db;

import faultline.text.Prose;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what the driver and the server say into one sentence a user can act on, naming the server:
 * the SQLSTATE where the server gave one (it does not depend on the server's language), the
 * network exception under the driver's otherwise.
 */
final class DbErrors {
    private DbErrors() {
    }

    static DbException explain(SQLException e, ConnectionSpec spec, String doing) {
        String server = spec.server();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = serverText(e);
        Throwable net = networkCause(e);
        DbException.Kind kind;
        String why;
        if (net instanceof UnknownHostException) {
            kind = DbException.Kind.UNKNOWN_HOST;
            why = Prose.format("db.why.unknown-host", spec.host());
        } else if (net instanceof ConnectException && lower(net).contains("refused")) {
            kind = DbException.Kind.REFUSED;
            why = Prose.format("db.why.refused", String.valueOf(spec.port()));
        } else if (net instanceof NoRouteToHostException || (net instanceof ConnectException && lower(net).contains("unreachable"))) {
            kind = DbException.Kind.UNREACHABLE;
            why = Prose.get("db.why.no-route");
        } else if (net instanceof SocketTimeoutException && lower(net).contains("connect")) {
            kind = DbException.Kind.UNREACHABLE;
            why = Prose.format("db.why.no-answer", DbConnector.CONNECT_TIMEOUT_SECONDS);
        } else if (net instanceof SocketTimeoutException) {
            kind = DbException.Kind.TIMEOUT;
            why = Prose.format("db.why.stopped", DbConnector.SOCKET_TIMEOUT_SECONDS);
        } else if (net instanceof ConnectException) {
            kind = DbException.Kind.UNREACHABLE;
            why = Prose.format("db.why.cannot-connect", net.getMessage());
        } else if (state.equals("28P01")) {
            kind = DbException.Kind.WRONG_PASSWORD;
            why = Prose.format("db.why.wrong-password", spec.user());
        } else if (state.equals("28000") && text.contains("no encryption")) {
            kind = DbException.Kind.TLS_REQUIRED;
            why = Prose.get("db.why.tls-only");
        } else if (state.equals("28000") && text.contains("does not exist")) {
            kind = DbException.Kind.NOT_ALLOWED;
            why = Prose.format("db.why.no-user", spec.user());
        } else if (state.startsWith("28")) {
            kind = DbException.Kind.NOT_ALLOWED;
            why = Prose.format("db.why.not-allowed", spec.user(), text);
        } else if (state.equals("3D000")) {
            kind = DbException.Kind.NO_DATABASE;
            why = Prose.format("db.why.no-database", spec.database());
        } else if (state.equals("42P01")) {
            kind = DbException.Kind.MISSING_TABLE;
            why = Prose.format("db.why.no-table", text);
        } else if (state.equals("42703")) {
            kind = DbException.Kind.MISSING_COLUMN;
            why = Prose.format("db.why.no-column", text);
        } else if (state.equals("42501")) {
            kind = DbException.Kind.PERMISSION_DENIED;
            why = Prose.format("db.why.permission", spec.user(), text);
        } else if (state.equals("57014")) {
            kind = DbException.Kind.CANCELLED;
            why = Prose.format("db.why.cancelled", text.contains("statement timeout") ? Prose.get("db.why.statement-timeout") : text);
        } else if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            kind = DbException.Kind.CONNECTION_LOST;
            why = Prose.format("db.why.restarting", text);
        } else if (state.equals("53300")) {
            kind = DbException.Kind.NOT_ALLOWED;
            why = Prose.get("db.why.too-many");
        } else if (isTlsUnavailable(e)) {
            kind = DbException.Kind.TLS_UNAVAILABLE;
            why = spec.isLocal() ? Prose.format("db.why.no-tls.local", spec.effectiveSslMode())
                    : Prose.format("db.why.no-tls", spec.effectiveSslMode());
        } else if (lower(e).contains("no password was provided")) {
            kind = DbException.Kind.PASSWORD_NEEDED;
            why = Prose.format("db.why.password", spec.user());
        } else if (net instanceof javax.net.ssl.SSLException) {
            kind = DbException.Kind.TLS_UNAVAILABLE;
            why = Prose.format("db.why.handshake", net.getMessage());
        } else if (state.startsWith("08") || net != null) {
            kind = DbException.Kind.CONNECTION_LOST;
            why = Prose.format("db.why.broke", firstLine(net != null ? net.toString() : e.getMessage()));
        } else {
            kind = DbException.Kind.OTHER;
            why = firstLine(e.getMessage()) + (state.isEmpty() ? "" : " [" + state + "]");
        }
        return new DbException(kind, doing == null ? Prose.format("db.error", server, why) : Prose.format("db.error.doing", server, doing, why), e);
    }

    private static boolean isTlsUnavailable(SQLException e) {
        String m = lower(e);
        return m.contains("does not support ssl");
    }

    /** The server's own message when it sent one (without the driver's "ERROR: " prefix), else the driver's. */
    private static String serverText(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return firstLine(e.getMessage());
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof EOFException || t instanceof javax.net.ssl.SSLException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String lower(Throwable t) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    }

    static String firstLine(String s) {
        if (s == null) {
            return Prose.get("db.why.none");
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
