package faultline.render;

import java.util.List;

/**
 * Where aligned time lands on the x axis: linear ({@link Viewport}) or with idle gaps folded away
 * ({@link FoldedScale}). Times are aligned nanoseconds (relative to each lane's anchor).
 */
public interface TimeScale {
    double width();

    double x(long t);

    long time(double x);

    /** First and last aligned time visible. */
    long start();

    long end();

    /** Nanoseconds per pixel where time is not folded. */
    double nanosPerPixel();

    default boolean contains(long t) {
        return t >= start() && t <= end();
    }

    /** Visible stretches of unfolded time, in order: [from, to] pairs. */
    List<long[]> segments();

    /** Folds visible in the view. */
    List<Folding.Fold> folds();

    /** The same stretch of time over another width. */
    TimeScale withWidth(double width);
}
