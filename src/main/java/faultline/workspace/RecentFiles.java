package faultline.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The last opened file sets, newest first, kept in user preferences as indexed keys; sets whose files
 * are gone are dropped when read.
 */
public final class RecentFiles {
    static final int MAX = 10;
    private static final String SEP = "\n";
    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The preferences node of the application; tests set -Dfaultline.prefs.node to keep their own. */
    public static Preferences defaultNode() {
        return Preferences.userRoot().node(System.getProperty("faultline.prefs.node", "faultline"));
    }

    public List<List<Path>> list() {
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = node.get("recent." + i, null);
            if (v == null) {
                break;
            }
            List<Path> set = new ArrayList<>();
            boolean all = true;
            for (String p : v.split(SEP)) {
                if (p.isBlank()) {
                    continue;
                }
                Path path = Path.of(p);
                all &= Files.exists(path);
                set.add(path);
            }
            if (all && !set.isEmpty()) {
                out.add(set);
            }
        }
        return out;
    }

    public void add(List<Path> files) {
        List<List<Path>> all = list();
        List<Path> norm = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        all.removeIf(s -> s.equals(norm));
        all.add(0, norm);
        for (int i = 0; i < MAX; i++) {
            if (i < all.size()) {
                String v = String.join(SEP, all.get(i).stream().map(Path::toString).toList());
                if (v.length() > Preferences.MAX_VALUE_LENGTH) {
                    v = v.substring(0, v.lastIndexOf(SEP, Preferences.MAX_VALUE_LENGTH));
                }
                node.put("recent." + i, v);
            } else {
                node.remove("recent." + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience; losing the recent list is not worth an error.
        }
    }

    public void clear() {
        for (int i = 0; i < MAX; i++) {
            node.remove("recent." + i);
        }
    }
}
