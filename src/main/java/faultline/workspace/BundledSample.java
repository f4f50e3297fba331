package faultline.workspace;

import faultline.text.Prose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample logs shipped inside the application, copied once to a cache folder so that they are
 * opened like any other files (the importer reads files, never resources).
 */
public final class BundledSample {
    static final String[] FILES = {
            "gpu-20260224_140402-5c1e7a9d.log", "task_78cd8678.json", "task_e040ae48.json", "task_c2d9f4a6.json"};

    private BundledSample() {
    }

    /** Where the sample's copy lives: the user's cache folder ({@link UserFolders#cache()}; tests keep their own). */
    public static Path dataDir() {
        return UserFolders.cache();
    }

    /** The copy made last, and where: checked again only when another folder is asked for. */
    private static volatile Copied copied;

    private record Copied(Path dir, List<Path> files) {
    }

    /** The sample's files, copied to the cache folder first if they are not there as shipped. */
    public static List<Path> files() throws IOException {
        Path dir = dataDir().resolve("sample");
        Copied c = copied;
        if (c != null && c.dir().equals(dir) && c.files().stream().allMatch(Files::isRegularFile)) {
            return c.files();
        }
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (String name : FILES) {
            Path target = dir.resolve(name);
            try (InputStream in = BundledSample.class.getResourceAsStream("/faultline/sample/" + name)) {
                if (in == null) {
                    throw new IOException(Prose.format("sample.missing", name));
                }
                byte[] bytes = in.readAllBytes();
                if (!Files.exists(target) || Files.size(target) != bytes.length || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                    AtomicFile.write(target, bytes);
                }
            }
            out.add(target);
        }
        List<Path> files = List.copyOf(out);
        copied = new Copied(dir, files);
        return files;
    }
}
