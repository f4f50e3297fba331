package faultline.importer.read;

import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every log of the layout corpus reads the same in parallel parts as in one pass: events, times, levels, messages,
 * units and their statuses. The corpus's files are small, so the parts start wherever the split falls in them,
 * inside a unit's lines, a traceback's neighbourhood or a worker's claim, as they would in a large file.
 */
class CorpusPartsAgreementTest {
    static Stream<Path> logs() throws IOException, URISyntaxException {
        Path root = Path.of(CorpusPartsAgreementTest.class.getResource("/faultline/layouts").toURI());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".expect.json") && !p.getFileName().toString().equals("INDEX.md"))
                    .sorted().forEach(out::add);
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void partsReadWhatOnePassReads(Path log) throws Exception {
        BothWays read = BothWays.read(log, 0);
        TaskSet one = read.onePass();
        TaskSet parts = read.parts();
        EventStore a = one.store();
        EventStore b = parts.store();
        List<String> diffs = new ArrayList<>();
        if (a.size() != b.size()) {
            diffs.add("events " + a.size() + " vs " + b.size());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()) && diffs.size() < 8; i++) {
            String where = "line " + a.line(i) + ": ";
            if (a.line(i) != b.line(i) || !a.stamp(i).equals(b.stamp(i)) || a.level(i) != b.level(i) || !a.message(i).equals(b.message(i))) {
                diffs.add(where + a.stamp(i) + " " + a.level(i) + " vs line " + b.line(i) + " " + b.stamp(i) + " " + b.level(i));
            }
            String ta = a.task(i) < 0 ? null : one.tasks().get(a.task(i)).id();
            String tb = b.task(i) < 0 ? null : parts.tasks().get(b.task(i)).id();
            if (ta == null ? tb != null : !ta.equals(tb)) {
                diffs.add(where + "unit " + ta + " vs " + tb);
            }
        }
        List<String> sa = one.tasks().stream().map(t -> t.id() + " " + t.status()).sorted().toList();
        List<String> sb = parts.tasks().stream().map(t -> t.id() + " " + t.status()).sorted().toList();
        if (!sa.equals(sb)) {
            diffs.add("units " + sa + " vs " + sb);
        }
        assertEquals(List.of(), diffs, log.getFileName().toString());
    }
}
