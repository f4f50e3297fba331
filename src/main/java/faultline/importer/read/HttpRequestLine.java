package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The access line a Cloud Logging request entry stands for: {@code POST https://svc.run.app/jobs 500 6.79s}. Cloud Run's
 * and a load balancer's request logs carry no payload, only the LogEntry's {@code httpRequest} object; shown whole, the
 * record would be a line of JSON, and its status not read as an access line's.
 */
final class HttpRequestLine {
    /** The LogEntry field that holds the request. */
    static final String FIELD = "httpRequest";

    private HttpRequestLine() {
    }

    /** The line, or null if the value is not a request with a method and a URL. */
    static String of(JsonNode request) {
        if (request == null || !request.isObject()) {
            return null;
        }
        String method = LogFields.text(request.get("requestMethod"));
        String url = LogFields.text(request.get("requestUrl"));
        if (method == null || url == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(method).append(' ').append(url);
        String status = LogFields.text(request.get("status"));
        if (status != null) {
            sb.append(' ').append(status);
        }
        String latency = LogFields.text(request.get("latency"));
        if (latency != null) {
            sb.append(' ').append(latency);
        }
        return sb.toString();
    }
}
