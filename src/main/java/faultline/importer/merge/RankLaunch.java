package faultline.importer.merge;

/**
 * The launch of a distributed run's worker group a rank belongs to. An elastic agent (torchrun) that restarts its
 * worker group after a worker failed starts new processes for the same ranks: each launch's ranks are units of
 * their own, the first launch's named as always ({@code rank1}), a later one's with the restart that started it
 * ({@code rank1 (restart 1)}, as the agent counts them in {@code restart_count=1}).
 */
public final class RankLaunch {
    private static final String RESTART = " (restart ";

    private RankLaunch() {
    }

    /** The unit name of the rank in the given launch (0: the first). */
    public static String name(String rank, int launch) {
        return launch <= 0 ? rank : rank + RESTART + launch + ")";
    }

    /** The launch a rank unit's name tells: 0 for the first, or a name that is no rank's. */
    public static int of(String id) {
        int at = id.lastIndexOf(RESTART);
        if (at < 0 || !id.endsWith(")")) {
            return 0;
        }
        int n = 0;
        for (int i = at + RESTART.length(); i < id.length() - 1; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9' || n > 100_000) {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The rank's name without its launch ({@code rank1} of {@code rank1 (restart 1)}). */
    public static String rank(String id) {
        return of(id) == 0 ? id : id.substring(0, id.lastIndexOf(RESTART));
    }
}
