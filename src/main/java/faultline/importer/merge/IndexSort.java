package faultline.importer.merge;

import faultline.model.EventStore;

/** Sorts event rows by time, ties by row (file order), without boxing: a merge sort on int[]. */
public final class IndexSort {
    private IndexSort() {
    }

    public static void byTime(int[] rows, EventStore.Builder b) {
        if (isSorted(rows, b)) {
            return;
        }
        int[] tmp = new int[rows.length];
        sort(rows, tmp, 0, rows.length, b);
    }

    private static boolean isSorted(int[] a, EventStore.Builder b) {
        for (int i = 1; i < a.length; i++) {
            if (less(a[i], a[i - 1], b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean less(int x, int y, EventStore.Builder b) {
        long tx = b.nanos(x);
        long ty = b.nanos(y);
        return tx < ty || (tx == ty && x < y);
    }

    private static void sort(int[] a, int[] tmp, int from, int to, EventStore.Builder b) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && less(v, a[j], b)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid, b);
        sort(a, tmp, mid, to, b);
        if (!less(a[mid], a[mid - 1], b)) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && !less(tmp[j], tmp[i], b))) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
