package faultline;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;

import java.nio.file.Path;
import java.util.List;

/** The bundled sample as files of the source tree, for tests. */
public final class Samples {
    public static final Path DIR = Path.of("src/main/resources/faultline/sample");
    public static final String CURRENT = "78cd8678-9fa3-4d06-a081-dd8fc90ff35f";
    public static final String PREVIOUS = "e040ae48-4fa8-4af6-8a57-028277e54ba9";

    private Samples() {
    }

    public static List<Path> files() {
        return List.of(DIR.resolve("gpu-20260224_140402-5c1e7a9d.log"), DIR.resolve("task_78cd8678.json"),
                DIR.resolve("task_e040ae48.json"), DIR.resolve("task_c2d9f4a6.json"));
    }

    public static TaskSet importSample() {
        return new Importer().importFiles(files(), ImportMonitor.NONE);
    }
}
