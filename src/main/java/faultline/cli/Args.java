package faultline.cli;

import faultline.text.Prose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: files, and options that take one or more values ({@code --task a b --format md}). */
final class Args {
    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("--no-cascade");

    final List<Path> files = new ArrayList<>();
    final Map<String, List<String>> options = new LinkedHashMap<>();

    static Args parse(String[] args, Set<String> known, Set<String> multi) throws Cli.UsageException {
        Args a = new Args();
        String current = null;
        for (String s : args) {
            if (s.startsWith("--")) {
                String name = s;
                String value = null;
                int eq = s.indexOf('=');
                if (eq > 0) {
                    name = s.substring(0, eq);
                    value = s.substring(eq + 1);
                }
                if (!known.contains(name)) {
                    throw new Cli.UsageException(Prose.format("cli.unknown-option", name));
                }
                a.options.computeIfAbsent(name, k -> new ArrayList<>());
                if (value != null) {
                    a.options.get(name).add(value);
                    current = multi.contains(name) ? name : null;
                } else {
                    current = FLAGS.contains(name) ? null : name;
                }
            } else if (current != null) {
                a.options.get(current).add(s);
                if (!multi.contains(current)) {
                    current = null;
                }
            } else {
                a.files.add(Path.of(s));
            }
        }
        for (Map.Entry<String, List<String>> e : a.options.entrySet()) {
            if (e.getValue().isEmpty() && !FLAGS.contains(e.getKey())) {
                throw new Cli.UsageException(Prose.format("cli.needs-value", e.getKey()));
            }
        }
        if (a.files.isEmpty() && !a.options.containsKey("--db")) {
            throw new Cli.UsageException(Prose.get("cli.no-files"));
        }
        return a;
    }

    String one(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : options.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
