package faultline.workspace;

import faultline.text.Prose;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which workspace comes back when files are opened, and where changes are saved from then on. For
 * logs: the autosaved workspace of exactly these files, else a shared one beside them (a newer shared
 * one is offered, not forced). For a workspace file: its sources resolved against its own folder, the
 * ones outside it listed for the user to confirm, and the autosave of earlier changes to it if newer.
 * A damaged or newer workspace is reported and left alone; changes then go to a recovered copy, which
 * is offered the next time. Reads files only: for a worker thread, never the FX thread.
 */
public final class WorkspaceLookup {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /**
     * What opening some files finds.
     *
     * @param restore  the workspace to put back, or null
     * @param saveTo   where changes are autosaved (the data folder)
     * @param base     what is in saveTo now (for merging with another window), or null
     * @param stamp    saveTo's stamp now, or null if there is no file yet
     * @param shared   the workspace file the user opened (Save Workspace writes back to it), or null
     * @param sharedStamp its stamp when read
     * @param warnings what to tell (a damaged workspace, left as it is)
     * @param offer    a workspace to offer instead (a recovered copy, a newer shared one), or null
     * @param outside  sources of a workspace file outside its folder: read only when the user confirms
     */
    public record Found(Workspace restore, Path saveTo, Workspace base, Stamp stamp, Path shared, Stamp sharedStamp,
                        List<String> warnings, Offer offer, List<Path> outside) {
        public Found {
            warnings = List.copyOf(warnings);
            outside = List.copyOf(outside);
        }
    }

    /** A workspace the user may choose to open instead of what was restored. */
    public record Offer(String message, String action, Path workspace) {
    }

    private WorkspaceLookup() {
    }

    public static Found forLogs(List<Path> logs) {
        Path auto = WorkspaceStore.locationFor(logs);
        List<String> warnings = new ArrayList<>();
        Workspace restore = null;
        Stamp stamp = null;
        Path saveTo = auto;
        Offer offer = null;
        try {
            Optional<WorkspaceStore.Stored> a = WorkspaceStore.load(auto);
            if (a.isPresent() && a.get().workspace().isFor(logs)) {
                restore = a.get().workspace();
                stamp = a.get().stamp();
            }
        } catch (WorkspaceException e) {
            warnings.add(e.getMessage());
            saveTo = WorkspaceStore.recoveredOf(auto);
            warnings.add(Prose.format("workspace.saved-to", saveTo.getFileName(), saveTo.getParent()));
            // Saves merge with what the recovered copy holds (no stamp is expected), so that it is never lost.
            Optional<WorkspaceStore.Stored> r = loadQuietly(saveTo, warnings);
            if (r.isPresent() && r.get().workspace().isFor(logs)) {
                offer = new Offer(Prose.format("workspace.offer.recovered", saveTo.getFileName(), when(r.get().stamp())),
                        Prose.get("workspace.offer.recovered.act"), saveTo);
            }
        }
        Workspace base = restore;
        Path beside = WorkspaceStore.besideLocation(logs);
        if (!beside.equals(auto) && faultline.importer.FileKind.exists(beside)) {
            Optional<WorkspaceStore.Stored> b = loadQuietly(beside, warnings);
            if (b.isPresent() && b.get().workspace().isFor(logs)) {
                if (restore == null && offer == null) {
                    restore = b.get().workspace(); // a shared workspace beside the logs, as earlier versions saved it
                } else if (offer == null && stamp != null && b.get().stamp().modified() > stamp.modified()
                        && !b.get().workspace().withSources(List.of()).equals(restore.withSources(List.of()))) {
                    offer = new Offer(Prose.format("workspace.offer.beside", beside.getFileName(), when(b.get().stamp())),
                            Prose.get("workspace.offer.beside.act"), beside);
                }
            }
        }
        return new Found(restore, saveTo, base, stamp, null, null, warnings, offer, List.of());
    }

    /** Opening a workspace file (File ▸ Open, a drop, the command line): throws with a clear message if it cannot be read. */
    public static Found forFile(Path file) throws WorkspaceException {
        Optional<WorkspaceStore.Stored> s = WorkspaceStore.load(file);
        if (s.isEmpty()) {
            throw new WorkspaceException(Prose.format("workspace.no-such", file.getFileName()));
        }
        Workspace w = s.get().workspace();
        if (w.sources().isEmpty() && w.database() == null) {
            throw new WorkspaceException(Prose.format("workspace.no-sources", file.getFileName()));
        }
        if (UserFolders.isOwn(file)) {
            // One of Faultline's own (a recovered copy): its sources are the files it was saved for.
            return new Found(w, file, w, s.get().stamp(), null, null, List.of(), null, List.of());
        }
        List<Path> logs = w.files();
        List<String> warnings = new ArrayList<>();
        Path auto = WorkspaceStore.locationFor(logs, file);
        Workspace restore = w;
        Workspace base = null;
        Stamp stamp = null;
        Path saveTo = auto;
        try {
            Optional<WorkspaceStore.Stored> a = WorkspaceStore.load(auto);
            if (a.isPresent() && a.get().workspace().isFor(logs)) {
                base = a.get().workspace();
                stamp = a.get().stamp();
                if (a.get().stamp().modified() >= s.get().stamp().modified()) {
                    restore = a.get().workspace(); // the changes made to it since it was opened last
                }
            }
        } catch (WorkspaceException e) {
            warnings.add(e.getMessage());
            saveTo = WorkspaceStore.recoveredOf(auto);
        }
        return new Found(restore, saveTo, base, stamp, file, s.get().stamp(), warnings, null, outside(file, logs));
    }

    /** Sources that are not inside the workspace's folder, links followed (a link inside may lead out). */
    static List<Path> outside(Path workspace, List<Path> logs) {
        Path folder = workspace.toAbsolutePath().normalize().getParent();
        Path realFolder = real(folder);
        List<Path> out = new ArrayList<>();
        for (Path p : logs) {
            Path abs = p.toAbsolutePath().normalize();
            if (folder == null || !abs.startsWith(folder) || !real(abs).startsWith(realFolder)) {
                out.add(abs);
            }
        }
        return out;
    }

    private static Path real(Path p) {
        try {
            return p == null ? null : p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p;
        }
    }

    private static Optional<WorkspaceStore.Stored> loadQuietly(Path p, List<String> warnings) {
        try {
            return WorkspaceStore.load(p);
        } catch (WorkspaceException e) {
            warnings.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static String when(Stamp s) {
        return WHEN.format(Instant.ofEpochMilli(s.modified()));
    }
}
