package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.model.Level;

import java.util.List;
import java.util.Locale;

/**
 * The fields of a structured log record, found by name whatever the schema: system_logs rows,
 * Python's JSON loggers, structlog, pino and bunyan, docker's json-file, hosting platforms. The
 * application's own fields, nested under {@code attributes}, {@code jsonPayload}, {@code fields},
 * {@code extra}, {@code labels} (…), come before the wrapper's: a platform's ingestion
 * {@code timestamp} or a level guessed from the stream is only the fallback.
 */
final class LogFields {
    /** Where applications nest their own fields inside a platform's record. */
    static final List<String> NESTED = List.of("attributes", "jsonPayload", "fields", "extra", "labels", "record",
            "@fields", "context", "data", "payload", "metadata", "attr", "ctx");
    // With the capitalised names of .NET's JSON console (Timestamp, LogLevel, Message), Serilog's compact
    // form (@t, @l, @m, @mt, @x) and Azure's (TimeGenerated).
    static final List<String> TIME = List.of("asctime", "timestamp", "@timestamp", "time", "ts", "datetime", "date",
            "created", "created_at", "timeMillis", "instant", "eventTime", "logged_at", "Timestamp", "Time", "@t", "TimeGenerated",
            // az containerapp logs show --format json: {"TimeStamp": …, "Log": …}; vercel logs -j: epoch ms.
            "TimeStamp", "timestampInMs",
            // Windows Event Viewer's CSV export ("Level,Date and Time,Source,Event ID,Task Category").
            "Date and Time",
            // journalctl -o json: microseconds since the epoch as a string; the sender's own clock first.
            "_SOURCE_REALTIME_TIMESTAMP", "__REALTIME_TIMESTAMP",
            // MongoDB's structured log (4.4 on): {"t":{"$date":…},"s":"I","c":"NETWORK",…,"msg":…,"attr":{…}}; last, being short.
            "t");
    static final List<String> LEVEL = List.of("levelname", "log_level", "level", "severity", "lvl", "loglevel",
            "levelName", "level_name", "log.level", "levelno", "syslog_severity", "Level", "LogLevel", "@l", "Severity", "s",
            // journald's syslog priority, 0 emerg … 7 debug, as a string.
            "PRIORITY");
    // Azure Container Apps' console table and az containerapp logs show write the line as "Log" (ContainerAppConsoleLogs_CL: Log_s).
    static final List<String> MESSAGE = List.of("message", "msg", "log", "text", "textPayload", "event_message", "event", "@message",
            "body", "short_message", "full_message", "MESSAGE", "Message", "@m", "@mt", "RenderedMessage", "Log");
    /** Fields that hold an exception's text, added to the message so that its traceback is read. */
    static final List<String> EXCEPTION = List.of("exception", "exc_info", "exc_text", "stack_trace", "stack", "traceback",
            "error.stack", "err", "stacktrace", "error.stack_trace", "Exception", "@x");
    /** A field that holds the error a record reports, in a line ({@code "error": "exit code 139"}, zap's and logrus's). */
    static final String ERROR = "error";
    /** Sidekiq's job id, which its JSON formatter writes in the record's "ctx" beside the job's "class". */
    static final String JID = "jid";
    // Go's initialisms too (zap's and logrus's "taskID", "requestID").
    static final List<String> UNIT = List.of("task_id", "taskId", "task_uuid", "job_id", "jobId", "request_id", "requestId",
            "req_id", "reqId", "prompt_id", "promptId", "celery_task_id", "prediction_id", "predictionId",
            "taskID", "jobID", "requestID", "reqID", "promptID", "predictionID", JID);
    // Azure Container Apps' replica: ReplicaName in ContainerAppConsoleLogs, ContainerGroupName_s in its _CL table.
    static final List<String> WORKER = List.of("worker_id", "workerId", "workerID", "worker", "hostname", "host", "pod", "pod_name",
            "container_name", "instance", "ReplicaName", "ContainerGroupName");
    static final List<String> COMPONENT = List.of("name", "logger", "logger_name", "loggerName", "component", "module",
            // journald: the program's syslog tag, else its systemd unit.
            "SYSLOG_IDENTIFIER", "_SYSTEMD_UNIT");

    private LogFields() {
    }

    private static final java.util.Map<String, String> BY_FOLDED_NAME = new java.util.HashMap<>();

    static {
        for (List<String> names : List.of(TIME, LEVEL, MESSAGE, EXCEPTION, UNIT, WORKER, COMPONENT)) {
            for (String n : names) {
                BY_FOLDED_NAME.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
        }
    }

    /**
     * The known name a column's label stands for, whatever its case ({@code Message}, {@code DATE}), else
     * the label itself: a CSV's header is written for people, a JSON record's keys are a program's.
     */
    static String canonical(String label) {
        String known = BY_FOLDED_NAME.get(label.toLowerCase(Locale.ROOT));
        return known != null ? known : label;
    }

    /** The record's own field first, then the nested application fields' (for messages, ids, workers). */
    static JsonNode outerFirst(JsonNode row, List<String> names) {
        JsonNode v = field(row, names);
        return v != null ? v : nested(row, names);
    }

    /** The nested application fields' first, then the record's own (for times and levels). */
    static JsonNode innerFirst(JsonNode row, List<String> names) {
        JsonNode v = nested(row, names);
        return v != null ? v : field(row, names);
    }

    /** A field of the application nested in the record, or null. */
    static JsonNode nested(JsonNode row, List<String> names) {
        for (String n : NESTED) {
            JsonNode inner = row.get(n);
            if (inner != null && inner.isArray() && inner.size() > 0) {
                inner = inner.get(0); // a platform's metadata list of one object
            }
            if (inner != null && inner.isObject()) {
                JsonNode v = field(inner, names);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The first of the names the object has with a value (dotted names also as paths). */
    static JsonNode field(JsonNode o, List<String> names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v == null && n.indexOf('.') > 0) {
                v = o.path(n.substring(0, n.indexOf('.'))).get(n.substring(n.indexOf('.') + 1));
            }
            if (hasValue(v)) {
                return v;
            }
        }
        if (o.has(LOG_ANALYTICS_TIME)) {
            // A Log Analytics custom table names its text columns with a type suffix: Log_s, LogLevel_s, ContainerGroupName_s.
            for (String n : names) {
                JsonNode v = o.get(n + "_s");
                if (hasValue(v)) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The column every Log Analytics row has: a row with it may name its columns with their type's suffix. */
    private static final String LOG_ANALYTICS_TIME = "TimeGenerated";

    private static boolean hasValue(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isEmpty() ? null : s;
    }

    /** True if the record has any field these names list, at its top or nested. */
    static boolean has(JsonNode row, List<String> names) {
        return outerFirst(row, names) != null;
    }

    /** A level from a field's value: words of every logging library, pino's and syslog's numbers. */
    static Level level(JsonNode v, boolean pythonNumbers) {
        if (v == null) {
            return null;
        }
        if (v.isObject()) {
            JsonNode name = v.get("name");
            return name == null ? null : level(name, pythonNumbers);
        }
        if (v.isNumber() || (v.isTextual() && v.asText().matches("\\d{1,2}"))) {
            int n = v.asInt();
            if (pythonNumbers || n >= 10) {
                // logging: 10 DEBUG … 50 CRITICAL; pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
                int step = pythonNumbers ? n / 10 : n / 10 - 1;
                switch (step) {
                    case 0: return Level.DEBUG;
                    case 1: return Level.DEBUG;
                    case 2: return Level.INFO;
                    case 3: return Level.WARNING;
                    case 4: return Level.ERROR;
                    default: return step > 4 ? Level.CRITICAL : Level.DEBUG;
                }
            }
            // syslog severities: 0 emergency … 7 debug
            if (n <= 2) {
                return Level.CRITICAL;
            }
            return n == 3 ? Level.ERROR : n == 4 ? Level.WARNING : n <= 6 ? Level.INFO : Level.DEBUG;
        }
        return word(v.asText());
    }

    /** A level word, full or short: {@code warn}, {@code ERR}, {@code fatal}, {@code I}, {@code Information}. */
    static Level word(String s) {
        String w = s.strip().toLowerCase(Locale.ROOT);
        switch (w) {
            case "trace": case "debug": case "dbg": case "verbose": case "fine": case "finer": case "finest": case "d": case "t": case "v":
                return Level.DEBUG;
            case "info": case "information": case "informational": case "notice": case "default": case "log": case "i": case "n":
                return Level.INFO;
            case "warn": case "warning": case "w":
                return Level.WARNING;
            case "error": case "err": case "severe": case "e":
                return Level.ERROR;
            case "critical": case "crit": case "fatal": case "alert": case "emerg": case "emergency": case "panic": case "c": case "f":
                return Level.CRITICAL;
            default:
                // MongoDB's debug verbosity levels: "s":"D1" … "D5".
                return w.length() == 2 && w.charAt(0) == 'd' && w.charAt(1) >= '1' && w.charAt(1) <= '5' ? Level.DEBUG : null;
        }
    }
}
