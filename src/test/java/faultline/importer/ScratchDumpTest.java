package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        String dir = System.getProperty("dump.dir");
        if (dir == null) return;
        try (var s = Files.list(Path.of(dir))) {
            for (Path p : s.sorted().toList()) {
                TaskSet set = Fixtures.load(p);
                var r = set.report().files().get(0);
                System.out.println("=== " + p.getFileName() + " " + r.format().id() + " " + String.format("%.2f", r.confidence())
                        + " lines=" + r.lines() + " events=" + r.events() + " unparsed=" + r.unparsed() + " fatal=" + r.fatal()
                        + " untimed=" + (set.sources().isEmpty() ? "-" : set.sources().get(0).untimed()));
                r.problems().stream().filter(x -> x.line() == 0).forEach(x -> System.out.println("   note: " + x.reason()));
                EventStore st = set.store();
                for (int i = 0; i < st.size() && i < 40; i++) {
                    String t = st.task(i) >= 0 ? set.tasks().get(st.task(i)).id() : "-";
                    String m = st.message(i).replace("\n", "⏎");
                    System.out.printf("  L%-3d %s p%d%s %-8s %-20s %s%n", st.line(i), Instant.ofEpochSecond(0, st.nanos(i)), st.precision(i),
                            st.estimated(i) ? "e" : " ", st.level(i), t.length() > 20 ? t.substring(0, 20) : t, m.length() > 110 ? m.substring(0, 110) : m);
                }
                for (Task t : set.tasks()) {
                    System.out.println("  unit " + t.id() + " type=" + t.type() + " status=" + t.status() + " events=" + t.eventCount());
                }
            }
        }
    }
}
