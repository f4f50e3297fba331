package faultline.analysis;

import faultline.bench.LoopLog;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Comparison;
import faultline.model.LoopParam;
import faultline.model.ParamStatus;
import faultline.model.Provenance;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A loop of 40,000 parameters is analysed whole: every parameter with its own provenance and the
 * crash point at the end. (How fast is measured by {@code -Dbench=loop}; the timeout only guards
 * against the quadratic work this once was.)
 */
class LongLoopTest {
    static final int N = 40_000;
    private static final String ID = LoopLog.ID;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyParameterOfAFortyThousandLoopHasItsOwnProvenance() throws Exception {
        TaskSet set = new Importer().importFiles(List.of(LoopLog.write(dir.resolve("worker.log"), N)), ImportMonitor.NONE);
        Task task = set.find(ID).orElseThrow();
        TaskAnalysis a = new Analyzer(set).analyse(task);
        List<LoopParam> params = a.loop().params();
        assertEquals(N, params.size());
        LoopParam last = a.loop().crashPoint();
        assertEquals("p" + N, last.name());
        assertEquals(ParamStatus.CRASH_POINT, last.status());
        LoopParam p11 = a.loop().param("p11");
        assertEquals(List.of(Provenance.Origin.MODEL_DEFAULT, Provenance.Origin.OVERRIDE),
                p11.provenance().stream().map(Provenance::origin).toList(), "its own change line and its override, nothing of the others");
        assertEquals("12", p11.provenance().get(1).value().text());
        assertEquals(List.of(Provenance.Origin.MODEL_DEFAULT), a.loop().param("p12").provenance().stream().map(Provenance::origin).toList());
        Comparison c = Alignment.align(List.of(a), faultline.model.Anchor.CRASH, List.of(0L), set);
        ParamMatrix m = ParamMatrix.of(c);
        assertEquals(N, m.rows().size());
        assertEquals("p" + N, m.rows().get(N - 1).name());
        assertTrue(m.rows().get(N - 1).anyCrashPoint());
        assertTrue(ReportBuilder.build(c, set).tasks().get(0).parameters().stream().anyMatch(p -> p.name().equals("p" + N)));
    }
}
