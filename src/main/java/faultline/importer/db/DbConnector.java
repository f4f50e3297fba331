package faultline.importer.db;

import faultline.text.Prose;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens read-only connections: every transaction is READ ONLY (the driver's and the session's
 * setting both), connect and socket timeouts keep a bad network from hanging a fetch, and the session
 * speaks UTC so that times arrive as the database stores them.
 */
final class DbConnector {
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    static final int LOGIN_TIMEOUT_SECONDS = 8;
    static final int SOCKET_TIMEOUT_SECONDS = 60;

    private DbConnector() {
    }

    /** Whether the driver's module is there and readable (a runtime image without it has no database). */
    static boolean driverPresent() {
        Module self = DbConnector.class.getModule();
        if (!self.isNamed()) {
            return classPresent();
        }
        return ModuleLayer.boot().findModule("org.postgresql.jdbc").map(m -> {
            self.addReads(m);
            return classPresent();
        }).orElse(false);
    }

    private static boolean classPresent() {
        try {
            Class.forName("org.postgresql.Driver");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static Connection open(ConnectionSpec spec, String password) throws DbException {
        if (!driverPresent()) {
            throw new DbException(DbException.Kind.OTHER, Prose.format("db.no-driver", spec.server()));
        }
        Properties p = new Properties();
        p.setProperty("user", spec.user());
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("sslmode", spec.effectiveSslMode());
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "Faultline");
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        // The driver must not look for a password itself: Faultline says where it took one from.
        p.setProperty("passfile", "/nonexistent");
        try {
            Connection c = DriverManager.getConnection(spec.jdbcUrl(), p);
            try {
                c.setReadOnly(true);
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                    s.execute("SET TIME ZONE 'UTC'");
                }
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw DbErrors.explain(e, spec, null);
        }
    }
}
