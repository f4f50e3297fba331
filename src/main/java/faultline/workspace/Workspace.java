package faultline.workspace;

import faultline.text.Prose;

import faultline.model.Note;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to reopen a comparison as it was: the sources (with how to read them), the
 * compared tasks, the alignment and hand-set shifts, the view, and the notes. Saved on every change
 * in the user's data folder ({@link UserFolders#workspaces()}), and where the user says with Save
 * Workspace As; the logs themselves are never written.
 *
 * @param version  {@link #VERSION} when written by this Faultline
 * @param sources  the files, with their size and hash at save time
 * @param compared full ids of the compared tasks, in lane order
 * @param anchor   Anchor name
 * @param shifts   task id → hand-set shift, ns
 * @param view     the timeline's view, or null
 * @param notes    the notes
 * @param database the database the rows were fetched from and what was asked, or null (older workspaces have none)
 */
public record Workspace(int version, List<SourceRef> sources, List<String> compared, String anchor, Map<String, Long> shifts,
                        ViewState view, List<Note> notes, DatabaseRef database) {
    public static final int VERSION = 1;

    /**
     * Where rows came from besides the files, so that Reload fetches them again: the connection
     * without its password, the query as the user wrote it, and the tasks chosen from its list.
     */
    public record DatabaseRef(String url, faultline.importer.db.TaskQuery query, List<String> tasks) {
        public DatabaseRef {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** A workspace of files only. */
    public Workspace(int version, List<SourceRef> sources, List<String> compared, String anchor, Map<String, Long> shifts,
                     ViewState view, List<Note> notes) {
        this(version, sources, compared, anchor, shifts, view, notes, null);
    }

    /**
     * @param path        absolute once read; in a shared workspace file, relative to its folder when the log is inside it
     * @param sha256      the full hash, kept by Save Workspace As for whoever receives the file ("" or null otherwise)
     * @param format      null to detect
     * @param zone        zone id of times without one
     * @param date        ISO date for time-only lines, or null
     * @param fingerprint {@link Fingerprint#text()} at save time, or null (workspaces of older versions)
     */
    public record SourceRef(String path, long size, String sha256, String format, String zone, long offsetNanos, String date,
                            String fingerprint) {
        public SourceRef(String path, long size, String sha256, String format, String zone, long offsetNanos, String date) {
            this(path, size, sha256, format, zone, offsetNanos, date, null);
        }

        public SourceRef withPath(String p) {
            return new SourceRef(p, size, sha256, format, zone, offsetNanos, date, fingerprint);
        }

        public SourceRef withSha256(String hash) {
            return new SourceRef(path, size, hash, format, zone, offsetNanos, date, fingerprint);
        }
    }

    /** The viewport over aligned (or, when folded, compressed) time. */
    public record ViewState(long start, long span, boolean folded) {
    }

    public Workspace {
        sources = sources == null ? List.of() : List.copyOf(sources);
        compared = compared == null ? List.of() : List.copyOf(compared);
        shifts = shifts == null ? Map.of() : Map.copyOf(shifts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The log files, as saved. */
    public java.util.List<java.nio.file.Path> files() {
        return sources.stream().map(r -> java.nio.file.Path.of(r.path())).toList();
    }

    /** Whether this workspace is about exactly these files (in any order). */
    public boolean isFor(List<java.nio.file.Path> paths) {
        java.util.Set<java.nio.file.Path> a = new java.util.HashSet<>();
        for (java.nio.file.Path p : files()) {
            a.add(p.toAbsolutePath().normalize());
        }
        java.util.Set<java.nio.file.Path> b = new java.util.HashSet<>();
        for (java.nio.file.Path p : paths) {
            b.add(p.toAbsolutePath().normalize());
        }
        return a.equals(b);
    }

    /** How each file is to be read (format, zone, clock offset, date), as it was when saved. */
    public faultline.importer.ImportOptions importOptions() {
        faultline.importer.ImportOptions o = faultline.importer.ImportOptions.defaults();
        for (SourceRef r : sources) {
            try {
                o.set(java.nio.file.Path.of(r.path()), new faultline.importer.ImportOptions.SourceOptions(
                        r.format() == null ? null : faultline.importer.Readers.format(r.format()).orElse(null),
                        java.time.ZoneId.of(r.zone() == null ? "Z" : r.zone()), r.offsetNanos(),
                        r.date() == null ? null : java.time.LocalDate.parse(r.date())));
            } catch (RuntimeException e) {
                // A hand-edited setting that no longer parses: that file is read with the defaults.
            }
        }
        return o;
    }

    /** The saved alignment, or the fallback for a name this version does not know. */
    public faultline.model.Anchor anchorOr(faultline.model.Anchor fallback) {
        try {
            return faultline.model.Anchor.valueOf(anchor);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** The compared tasks found in the set, in lane order (tasks no longer there are left out). */
    public List<faultline.model.Task> comparedIn(faultline.model.TaskSet set) {
        List<faultline.model.Task> out = new java.util.ArrayList<>();
        for (String id : compared) {
            set.find(id).ifPresent(out::add);
        }
        return out;
    }

    /** The hand-set shift of a task's lane, ns. */
    public long shiftOf(faultline.model.Task t) {
        return shifts.getOrDefault(t.id(), 0L);
    }

    /**
     * What changed about the files since the workspace was saved, told from their fingerprints (a few
     * kilobytes read per file); a workspace of an older version without them is checked by its SHA-256.
     * Not for the FX thread.
     */
    public List<String> changedSources() {
        List<String> out = new java.util.ArrayList<>();
        for (SourceRef r : sources) {
            java.nio.file.Path p = java.nio.file.Path.of(r.path());
            String notAFile = faultline.importer.FileKind.notARegularFile(p);
            if (!faultline.importer.FileKind.exists(p)) {
                out.add(Prose.format("workspace.source.missing", p.getFileName()));
            } else if (notAFile != null) {
                out.add(Prose.format("workspace.source.not-a-file", p.getFileName(), notAFile));
            } else if (r.fingerprint() != null) {
                Fingerprint then = Fingerprint.parse(r.fingerprint());
                if (then != null && !then.sameContent(Fingerprint.of(p))) {
                    out.add(Prose.format("workspace.source.changed", p.getFileName()));
                }
            } else if (r.sha256() != null && !r.sha256().isEmpty() && !r.sha256().equals(Hashes.sha256(p))) {
                out.add(Prose.format("workspace.source.changed", p.getFileName()));
            }
        }
        return out;
    }

    /** The same workspace over other source records (paths resolved or made relative). */
    public Workspace withSources(List<SourceRef> refs) {
        return new Workspace(version, refs, compared, anchor, shifts, view, notes, database);
    }

    /** The same workspace with other notes (merged with another window's). */
    public Workspace withNotes(List<Note> ns) {
        return new Workspace(version, sources, compared, anchor, shifts, view, ns, database);
    }
}
