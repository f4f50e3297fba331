package faultline.render;

import java.util.ArrayList;
import java.util.List;

/** A viewport over compressed time, with the folds of a {@link Folding}. */
public record FoldedScale(Viewport compressed, Folding folding) implements TimeScale {

    @Override
    public double width() {
        return compressed.width();
    }

    @Override
    public double x(long t) {
        return compressed.x(folding.compress(t));
    }

    @Override
    public long time(double x) {
        return folding.expand(compressed.time(x));
    }

    @Override
    public long start() {
        return folding.expand(compressed.start());
    }

    @Override
    public long end() {
        return folding.expand(compressed.end());
    }

    @Override
    public double nanosPerPixel() {
        return compressed.nanosPerPixel();
    }

    @Override
    public List<long[]> segments() {
        long a = start();
        long b = end();
        List<long[]> out = new ArrayList<>();
        long from = a;
        for (Folding.Fold f : folding.within(a, b)) {
            if (f.from() > from) {
                out.add(new long[]{from, f.from()});
            }
            from = Math.max(from, f.to());
        }
        if (from < b) {
            out.add(new long[]{from, b});
        }
        return out;
    }

    @Override
    public List<Folding.Fold> folds() {
        return folding.within(start(), end());
    }

    @Override
    public FoldedScale withWidth(double width) {
        return new FoldedScale(compressed.withWidth(width), folding);
    }
}
