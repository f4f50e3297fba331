package faultline.workspace;

import java.nio.file.Path;

/**
 * The workspace of one opened set of files while it is open: where it is autosaved and what that
 * file held when this window last read or wrote it (so that another window's save is noticed and
 * merged), and the shared file it came from or was saved as, if any. Used from one worker thread.
 */
public final class WorkspaceSession {
    private final Path saveTo;
    private Workspace base;
    private Stamp stamp;
    private Path shared;
    private Workspace sharedBase;
    private Stamp sharedStamp;

    public WorkspaceSession(WorkspaceLookup.Found found) {
        this.saveTo = found.saveTo();
        this.base = found.base();
        this.stamp = found.stamp();
        this.shared = found.shared();
        this.sharedBase = found.shared() == null ? null : found.restore();
        this.sharedStamp = found.sharedStamp();
    }

    public Path saveTo() {
        return saveTo;
    }

    /** The workspace file the user opened or last saved as, or null. */
    public synchronized Path shared() {
        return shared;
    }

    /** Saves in the data folder, merging what another window saved there meanwhile. */
    public synchronized WorkspaceStore.Saved autosave(Workspace mine) throws WorkspaceException {
        WorkspaceStore.Saved s = WorkspaceStore.save(saveTo, mine, base, stamp);
        base = s.workspace();
        stamp = s.stamp();
        return s;
    }

    /** Save Workspace: the data folder, and the shared file too if there is one (merging what others saved into it). */
    public synchronized WorkspaceStore.Saved save(Workspace mine) throws WorkspaceException {
        WorkspaceStore.Saved s = autosave(mine);
        if (shared == null) {
            return s;
        }
        WorkspaceStore.Saved t = WorkspaceStore.saveShareable(shared, s.workspace(), sharedBase, sharedStamp);
        sharedBase = t.workspace();
        sharedStamp = t.stamp();
        return new WorkspaceStore.Saved(t.workspace(), t.stamp(), s.merged() || t.merged());
    }

    /** Save Workspace As: a shareable file at target (what was there before is replaced, unless it is not ours to replace). */
    public synchronized WorkspaceStore.Saved saveAs(Path target, Workspace mine) throws WorkspaceException {
        WorkspaceStore.Saved t = WorkspaceStore.saveShareable(target, mine, null, Stamp.of(target));
        shared = target;
        sharedBase = t.workspace();
        sharedStamp = t.stamp();
        return t;
    }
}
