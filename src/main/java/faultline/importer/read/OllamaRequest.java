package faultline.importer.read;

import java.util.Set;

/**
 * Ollama's server (and LocalAI's) names no request: a POST to one of its inference routes is a unit of work only through the access
 * line Gin writes when it is answered, which gives its end, its status and how long it ran. It is named by the route
 * and the time of day it started (the access line's written clock less its latency, to the millisecond), which keeps
 * requests of the same second apart and reads the same however the file is cut into parts.
 * Health polls and model management ({@code GET /api/tags}, {@code HEAD /}, {@code POST /api/show}) are no work.
 */
final class OllamaRequest {
    private OllamaRequest() {
    }

    private static final Set<String> ROUTES = Set.of("/api/generate", "/api/chat", "/api/embed", "/api/embeddings",
            "/v1/chat/completions", "/v1/completions", "/v1/embeddings",
            // The rest of the OpenAI-compatible routes a local model server (LocalAI) answers.
            "/v1/images/generations", "/v1/audio/transcriptions", "/v1/audio/speech", "/v1/rerank");

    private static final long DAY = 86_400_000_000_000L;

    /** Whether the answered request ran a model. */
    static boolean isWork(GinAccess a) {
        return a.method().equals("POST") && ROUTES.contains(a.path());
    }

    /** The request's name from the access line's written time of day (ns): {@code POST /api/generate 16:43:53.559}. */
    static String id(GinAccess a, long endOfDay) {
        long ms = Math.floorMod(endOfDay - a.latencyNanos(), DAY) / 1_000_000L;
        return String.format("%s %s %02d:%02d:%02d.%03d", a.method(), a.path(), ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
