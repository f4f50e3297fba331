package faultline.importer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a reader of one layout fixture must find in it: the manifest {@code <fixture>.expect.json} beside each log under
 * {@code faultline/layouts/<family>/}. Line numbers are 1-based physical lines, split on {@code \n} only (a lone
 * {@code \r} of a progress bar stays inside its line, as {@code grep -n} and {@code less} count them).
 *
 * @param file     the fixture the manifest describes (not part of the JSON)
 * @param family   layout family, also the name of the fixture's folder
 * @param layout   the layout in one line
 * @param learnedFrom public threads and files the layout was learned from
 * @param lines    physical lines of the fixture
 * @param untimed  no line of the fixture has a timestamp
 * @param events   a selection of events, each at the line where it starts
 * @param units    every unit of work a user expects in the task list
 * @param notUnits ids in the file that must not become units (users, projects, deployments)
 * @param notes    what a reader of the importer must know about the file
 */
record LayoutExpectation(Path file, String family, String layout, List<String> learnedFrom, int lines, boolean untimed,
                         List<Event> events, List<Unit> units, List<String> notUnits, String notes) {

    static final String MANIFEST_SUFFIX = ".expect.json";

    /**
     * One event of the fixture.
     *
     * @param line          1-based physical line where the event starts
     * @param timeOfDay     the application's own clock as the line writes it ({@code HH:mm:ss} with the fraction digits written), or null
     * @param date          {@code yyyy-MM-dd} where the file or its name determines it, or null
     * @param level         DEBUG, INFO, WARNING, ERROR or CRITICAL, or null for a line without a level
     * @param unit          id of the unit of work the event belongs to, or null
     * @param messageStarts text the event's message begins with once the line's prefix fields are taken off (a reader that keeps a
     *                      logger or component in the message finds it inside the message), or null
     */
    record Event(int line, String timeOfDay, String date, String level, String unit, String messageStarts) {
    }

    /**
     * One unit of work.
     *
     * @param id        as the file writes it
     * @param kind      task, job, request, prompt, rank or worker
     * @param status    FAILED, COMPLETE, IN_PROGRESS, UNKNOWN or CANCELLED
     * @param exception type of the exception finally raised, as written, when the file shows it; else null
     * @param site      last frame in the program's own code, {@code function (file.py:line)}, when a traceback shows it; else null
     * @param type      what the unit runs, as the file names it (a task's or an actor's name), when the manifest says; else null
     */
    record Unit(String id, String kind, String status, String exception, String site, String type) {
    }

    @JsonCreator
    static LayoutExpectation of(@JsonProperty(value = "family", required = true) String family,
                                @JsonProperty(value = "layout", required = true) String layout,
                                @JsonProperty("learnedFrom") List<String> learnedFrom,
                                @JsonProperty(value = "lines", required = true) int lines,
                                @JsonProperty("untimed") Boolean untimed,
                                @JsonProperty("events") List<Event> events,
                                @JsonProperty("units") List<Unit> units,
                                @JsonProperty("notUnits") List<String> notUnits,
                                @JsonProperty("notes") String notes) {
        return new LayoutExpectation(null, family, layout, listOf(learnedFrom), lines, Boolean.TRUE.equals(untimed), listOf(events), listOf(units),
                listOf(notUnits), notes);
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    LayoutExpectation withFile(Path log) {
        return new LayoutExpectation(log, family, layout, learnedFrom, lines, untimed, events, units, notUnits, notes);
    }

    /** The manifest file beside the fixture. */
    Path manifest() {
        return file.resolveSibling(file.getFileName() + MANIFEST_SUFFIX);
    }

    /** Physical lines of the fixture, without their line ends. */
    List<String> readLines() {
        return splitLines(read(file));
    }

    static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits on {@code \n}; a {@code \r} right before it belongs to the line end, any other {@code \r} to the line. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            int contentEnd = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : end;
            out.add(text.substring(start, contentEnd));
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads one manifest; {@code log} is the fixture it describes. */
    static LayoutExpectation read(Path manifest, Path log) {
        try {
            return MAPPER.readValue(manifest.toFile(), LayoutExpectation.class).withFile(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    /** The folder holding the layout families: the test class path copy, or the source folder when run outside Maven. */
    static Path root() {
        URL index = LayoutExpectation.class.getResource("/faultline/layouts/INDEX.md");
        if (index != null && "file".equals(index.getProtocol())) {
            try {
                return Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return Path.of("src", "test", "resources", "faultline", "layouts");
    }

    /** Every fixture file (anything in a family folder that is not a manifest), sorted by path. */
    static List<Path> fixtures() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().equals(root()))
                    .filter(p -> !p.getFileName().toString().endsWith(MANIFEST_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture with its manifest, sorted by path. A fixture without a manifest fails here. */
    static List<LayoutExpectation> all() {
        List<LayoutExpectation> out = new ArrayList<>();
        for (Path log : fixtures()) {
            Path manifest = log.resolveSibling(log.getFileName() + MANIFEST_SUFFIX);
            if (!Files.isRegularFile(manifest)) {
                throw new IllegalStateException("no manifest " + manifest.getFileName() + " beside " + log);
            }
            out.add(read(manifest, log));
        }
        return out;
    }
}
