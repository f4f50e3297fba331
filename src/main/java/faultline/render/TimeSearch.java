package faultline.render;

/**
 * The search of sorted times that the timeline's columns make, outward from a guess: where the answer
 * is near the guess (the next column's events, the next loop step), it touches only the times near it.
 */
final class TimeSearch {
    private TimeSearch() {
    }

    /** Index of the first time at or after t in times[from, n), searched outward from guess. */
    static int outward(long[] times, long t, int from, int guess) {
        int n = times.length;
        if (from >= n || times[from] >= t) {
            return from;
        }
        int g = Math.max(from, Math.min(n - 1, guess));
        int lo;
        int hi;
        if (times[g] >= t) {
            // times[from] < t <= times[g]: walk down from g by doubling steps
            hi = g;
            int step = 1;
            lo = g - 1;
            while (lo > from && times[lo] >= t) {
                hi = lo;
                step <<= 1;
                lo = Math.max(from, g - step);
            }
        } else {
            lo = g;
            int step = 1;
            hi = g + 1;
            while (hi < n && times[hi] < t) {
                lo = hi;
                step <<= 1;
                hi = (int) Math.min(n, (long) g + step);
            }
        }
        // times[lo] < t, and times[hi] >= t or hi == n
        while (lo + 1 < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
