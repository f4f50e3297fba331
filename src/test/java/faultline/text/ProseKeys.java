package faultline.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The keys the code outside the window asks {@link Prose} for, as written in the sources. */
public final class ProseKeys {
    private static final Pattern USE = Pattern.compile("Prose\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");

    private ProseKeys() {
    }

    public static Set<String> used() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
            for (Path p : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // The names the model gives things take theirs by name.
        named(used, "status.", faultline.model.TaskStatus.values());
        named(used, "anchor.", faultline.model.Anchor.values());
        named(used, "lane-anchor.", faultline.model.LaneAnchor.Kind.values());
        named(used, "phase.", faultline.model.PhaseKind.values());
        named(used, "milestone.", faultline.model.Milestone.Kind.values());
        named(used, "step.", faultline.model.StepKind.values());
        named(used, "param-status.", faultline.model.ParamStatus.values());
        named(used, "origin.", faultline.model.Provenance.Origin.values());
        named(used, "repair.", faultline.model.ParseReport.Repair.values());
        for (String id : java.util.List.of("WORKER_CONSOLE", "SYSTEM_LOGS_TEXT", "SYSTEM_LOGS_JSON", "SYSTEM_LOGS_CSV",
                "COMPARISON_DIGEST", "TASK_REPORT", "KUBECTL_EVENTS", "TEXT_LOG", "UNKNOWN", "JSON_RECORDS", "CSV_RECORDS")) {
            used.add("format." + id);
        }
        return used;
    }

    private static void named(Set<String> used, String prefix, Enum<?>[] values) {
        for (Enum<?> e : values) {
            used.add(prefix + e.name());
        }
    }
}
