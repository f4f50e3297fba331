package faultline.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and ranges of a benchmark's runs: on a noisy machine, one run says little. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> xs) {
        List<Double> s = sorted(xs);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double min(List<Double> xs) {
        return xs.isEmpty() ? Double.NaN : Collections.min(xs);
    }

    static double max(List<Double> xs) {
        return xs.isEmpty() ? Double.NaN : Collections.max(xs);
    }

    private static List<Double> sorted(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s;
    }
}
