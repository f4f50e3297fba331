package faultline.importer.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.importer.LogRow;
import faultline.importer.scan.Bytes;
import faultline.model.SourceText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows fetched from a database, kept compactly for as long as they are shown: each system_logs
 * row as primitive columns (time, id, dictionary codes of its repeated texts) plus its message and
 * metadata as UTF-8 in large shared chunks; the tasks rows by id, the newest version of each. It is
 * the text of the rows' events, what a snapshot writes and what a re-read feeds again, so a row is
 * held once. Appended by one fetch or poll at a time while readers read: all access is synchronised.
 */
public final class RowStore {
    private static final int CHUNK = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private int size;
    private long[] nanos = new long[1024];
    private byte[] precision = new byte[1024];
    private long[] idHi = new long[1024];
    private long[] idLo = new long[1024];
    private int[] level = new int[1024];
    private int[] sourceType = new int[1024];
    private int[] sourceId = new int[1024];
    private int[] taskId = new int[1024];
    private int[] workerId = new int[1024];
    private int[] cycle = new int[1024];
    private long[] textPos = new long[1024];
    private final Map<Integer, String> oddIds = new HashMap<>();
    private final TextCodes codes = new TextCodes(5);
    private final List<byte[]> chunks = new ArrayList<>();
    private int chunkFill = CHUNK;
    private final Map<String, TaskRow> tasks = new LinkedHashMap<>();

    /** Number of system_logs rows. */
    public synchronized int size() {
        return size;
    }

    public synchronized int taskCount() {
        return tasks.size();
    }

    public synchronized List<TaskRow> tasks() {
        return List.copyOf(tasks.values());
    }

    /** Adds a tasks row or replaces the one of the same id (its status moved on). */
    public synchronized void putTask(TaskRow row) {
        TaskRow old = tasks.get(row.id());
        tasks.put(row.id(), old != null && !"matched".equals(row.relation()) && "matched".equals(old.relation())
                ? row.withRelation(old.relation()) : row);
    }

    /**
     * Appends one system_logs row; each value the bytes the database sent for it in text form (UTF-8,
     * the driver's encoding), or null. Bytes, not strings: a row's values are kept as codes and bytes,
     * and decoding each into a String to encode it again was most of a fetch's own time.
     * Returns false for a row whose time is unreadable (none in the worker schema: timestamp is NOT NULL).
     */
    public synchronized boolean add(Forms forms, byte[] id, byte[] timestamp, byte[] levelText, byte[] sourceTypeText, byte[] sourceIdText,
                                    byte[] message, byte[] taskIdText, byte[] workerIdText, byte[] cycleText, byte[] metadata) {
        PgTime.Read t = forms.timeBinary() && timestamp != null && timestamp.length == 8 ? PgTime.fromBinary(timestamp) : PgTime.read(timestamp);
        if (!t.valid()) {
            return false;
        }
        if (size == nanos.length) {
            grow(size * 2);
        }
        int i = size;
        nanos[i] = t.nanos();
        precision[i] = (byte) t.precision();
        setId(i, forms, id);
        level[i] = codes.code(0, levelText);
        sourceType[i] = codes.code(1, sourceTypeText);
        sourceId[i] = codes.code(2, sourceIdText);
        taskId[i] = forms.taskUuid() && taskIdText != null && taskIdText.length == 16 ? codes.uuidCode(3, taskIdText) : codes.code(3, taskIdText);
        workerId[i] = codes.code(4, workerIdText);
        cycle[i] = cycleText == null || cycleText.length == 0 ? Integer.MIN_VALUE : parseInt(cycleText);
        textPos[i] = putText(message, metadata);
        size++;
        return true;
    }

    /**
     * Which columns a fetch may receive in binary form: a uuid is 16 bytes where its text is 36, a time
     * 8 bytes (microseconds since 2000) where its text is 19 or more; the length tells the form apart.
     */
    public record Forms(boolean idUuid, boolean timeBinary, boolean taskUuid) {
        /** Every value as text. */
        public static final Forms TEXT = new Forms(false, false, false);
    }

    /** A row id as text, whichever form it came in. */
    static String idText(Forms forms, byte[] id) {
        if (forms.idUuid() && id.length == 16) {
            return new java.util.UUID(Bytes.bigEndianLong(id, 0), Bytes.bigEndianLong(id, 8)).toString();
        }
        return new String(id, StandardCharsets.UTF_8);
    }

    /** Ids of the rows at or after a time: a poll that looks back over them skips those it already has. */
    public synchronized Set<String> idsFrom(long fromNanos) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < size; i++) {
            if (nanos[i] >= fromNanos) {
                String id = id(i);
                if (id != null) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** The latest row time, or Long.MIN_VALUE without rows. */
    public synchronized long latestNanos() {
        long m = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, nanos[i]);
        }
        return m;
    }

    /** Row i as the importer reads it. */
    public synchronized LogRow row(int i) {
        return new LogRow(nanos[i], precision[i], str(level[i]), str(sourceType[i]), str(sourceId[i]), message(i),
                str(taskId[i]), str(workerId[i]), metadata(i));
    }

    public synchronized String id(int i) {
        if (idHi[i] == 0 && idLo[i] == 0) {
            return oddIds.get(i);
        }
        return new java.util.UUID(idHi[i], idLo[i]).toString();
    }

    public synchronized String timestamp(int i) {
        return PgTime.iso(nanos[i], precision[i]);
    }

    public synchronized String level(int i) {
        return str(level[i]);
    }

    public synchronized String sourceType(int i) {
        return str(sourceType[i]);
    }

    public synchronized String sourceId(int i) {
        return str(sourceId[i]);
    }

    public synchronized String taskId(int i) {
        return str(taskId[i]);
    }

    public synchronized String workerId(int i) {
        return str(workerId[i]);
    }

    /** cycle_number, or null. */
    public synchronized Integer cycle(int i) {
        return cycle[i] == Integer.MIN_VALUE ? null : cycle[i];
    }

    public synchronized String message(int i) {
        long pos = textPos[i];
        byte[] c = chunks.get((int) (pos >>> 32));
        int[] at = {(int) pos};
        int len = readVarint(c, at);
        return len == 0 ? null : new String(c, at[0], len - 1, StandardCharsets.UTF_8);
    }

    /** The metadata column as JSON text, or null. */
    public synchronized String metadata(int i) {
        long pos = textPos[i];
        byte[] c = chunks.get((int) (pos >>> 32));
        int[] at = {(int) pos};
        int len = readVarint(c, at);
        at[0] += Math.max(0, len - 1);
        int meta = readVarint(c, at);
        if (meta == 0) {
            return null;
        }
        if (meta == 1) {
            return "{}";
        }
        return new String(c, at[0], meta - 2, StandardCharsets.UTF_8);
    }

    /**
     * The first n rows in time order (file order for ties), as a snapshot writes them and a re-read
     * feeds them: rows a poll appended late (the worker ships its rows in batches) take their place.
     */
    public synchronized int[] timeOrder(int n) {
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || nanos[i - 1] <= nanos[i];
        }
        if (!sorted) {
            sortStable(order, nanos);
        }
        return order;
    }

    /** Merge sort of row indices by time: stable, so rows of one instant keep their order; no boxing. */
    private static void sortStable(int[] order, long[] key) {
        int n = order.length;
        int[] buf = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (key[order[mid - 1]] <= key[order[mid]]) {
                    continue;
                }
                System.arraycopy(order, lo, buf, lo, hi - lo);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    order[k++] = key[buf[j]] < key[buf[i]] ? buf[j++] : buf[i++];
                }
                while (i < mid) {
                    order[k++] = buf[i++];
                }
                while (j < hi) {
                    order[k++] = buf[j++];
                }
            }
        }
    }

    /**
     * The text of the rows' events as the importer addresses it (reference = row index), with line
     * numbers as the snapshot numbers them: after the tasks rows that come first, in the given order.
     */
    public SourceText text(int tasksBefore, int[] order) {
        int[] lineOf = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            lineOf[order[k]] = tasksBefore + k + 1;
        }
        return text(lineOf);
    }

    private SourceText text(int[] lineOf) {
        return new SourceText() {
            @Override
            public String message(long ref, int extent) {
                String m = RowStore.this.message((int) ref);
                return m == null ? "" : m;
            }

            @Override
            public String raw(long ref, int extent) {
                return rawLine((int) ref);
            }

            @Override
            public int line(long ref) {
                return lineOf[(int) ref];
            }
        };
    }

    /** The row as the log pane shows a system_logs row of a JSON export: time, level, source, message, metadata. */
    synchronized String rawLine(int i) {
        StringBuilder sb = new StringBuilder();
        String lv = str(level[i]);
        sb.append(timestamp(i)).append(" [").append(lv == null ? "INFO" : lv).append("]");
        String st = str(sourceType[i]);
        if (st != null) {
            String sid = str(sourceId[i]);
            sb.append(" [").append(st).append(sid == null ? "" : "/" + sid).append("]");
        }
        String m = message(i);
        sb.append(' ').append(m == null ? "" : m);
        String meta = metadata(i);
        if (meta != null && !meta.equals("{}")) {
            try {
                com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(meta);
                if (n != null && n.size() > 0) {
                    sb.append("  ").append(n);
                }
            } catch (Exception e) {
                sb.append("  ").append(meta);
            }
        }
        return sb.toString();
    }

    /** Heap held by the rows' columns and text, for the benchmark's bytes per row. */
    public synchronized long bytesHeld() {
        long b = (long) nanos.length * (8 + 1 + 8 + 8 + 4 * 6 + 8);
        for (byte[] c : chunks) {
            b += c.length;
        }
        return b;
    }

    private void setId(int i, Forms forms, byte[] id) {
        idHi[i] = 0;
        idLo[i] = 0;
        if (id == null) {
            return;
        }
        if (forms.idUuid() && id.length == 16) {
            long hi = Bytes.bigEndianLong(id, 0);
            long lo = Bytes.bigEndianLong(id, 8);
            if (hi != 0 || lo != 0) {
                idHi[i] = hi;
                idLo[i] = lo;
            } else {
                oddIds.put(i, idText(forms, id));
            }
            return;
        }
        if (id.length == 36 && Bytes.uuidAt(id, 8, 0, 36)) {
            long hi = Bytes.uuidHigh(id, 0);
            long lo = Bytes.uuidLow(id, 0);
            if (hi != 0 || lo != 0) {
                idHi[i] = hi;
                idLo[i] = lo;
                return;
            }
        }
        oddIds.put(i, new String(id, StandardCharsets.UTF_8));
    }

    private String str(int code) {
        return code == 0 ? null : codes.text(code);
    }

    private static int parseInt(byte[] b) {
        int from = 0;
        int to = b.length;
        while (from < to && Character.isWhitespace(b[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(b[to - 1])) {
            to--;
        }
        boolean negative = from < to && b[from] == '-';
        int k = negative || (from < to && b[from] == '+') ? from + 1 : from;
        if (k == to || to - k > 10) {
            return Integer.MIN_VALUE;
        }
        long v = 0;
        for (; k < to; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                return Integer.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        v = negative ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Integer.MIN_VALUE : (int) v;
    }

    /** Message and metadata as one record in a chunk: varint (length + 1, 0 for null), bytes, the same for the metadata (1 for {}). */
    private long putText(byte[] message, byte[] metadata) {
        byte[] m = message == null || message.length == 0 ? null : message;
        byte[] meta = metadata == null || metadata.length == 0 || isEmptyObject(metadata) ? null : metadata;
        int metaCode = metadata == null || metadata.length == 0 ? 0 : meta == null ? 1 : meta.length + 2;
        int need = 10 + (m == null ? 0 : m.length) + (meta == null ? 0 : meta.length);
        if (chunkFill + need > (chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).length)) {
            chunks.add(new byte[Math.max(CHUNK, need)]);
            chunkFill = 0;
        }
        int chunk = chunks.size() - 1;
        byte[] c = chunks.get(chunk);
        long pos = ((long) chunk << 32) | chunkFill;
        int p = writeVarint(c, chunkFill, m == null ? 0 : m.length + 1);
        if (m != null) {
            System.arraycopy(m, 0, c, p, m.length);
            p += m.length;
        }
        p = writeVarint(c, p, metaCode);
        if (meta != null) {
            System.arraycopy(meta, 0, c, p, meta.length);
            p += meta.length;
        }
        chunkFill = p;
        return pos;
    }

    private static boolean isEmptyObject(byte[] b) {
        return b.length == 2 && b[0] == '{' && b[1] == '}';
    }

    private static int writeVarint(byte[] b, int p, int v) {
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    private static int readVarint(byte[] b, int[] at) {
        int v = 0;
        int shift = 0;
        int p = at[0];
        while (true) {
            byte x = b[p++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        at[0] = p;
        return v;
    }

    private void grow(int n) {
        nanos = Arrays.copyOf(nanos, n);
        precision = Arrays.copyOf(precision, n);
        idHi = Arrays.copyOf(idHi, n);
        idLo = Arrays.copyOf(idLo, n);
        level = Arrays.copyOf(level, n);
        sourceType = Arrays.copyOf(sourceType, n);
        sourceId = Arrays.copyOf(sourceId, n);
        taskId = Arrays.copyOf(taskId, n);
        workerId = Arrays.copyOf(workerId, n);
        cycle = Arrays.copyOf(cycle, n);
        textPos = Arrays.copyOf(textPos, n);
    }

    /** Ids of the tasks rows held, in the order they came. */
    public synchronized Collection<String> taskIds() {
        return List.copyOf(tasks.keySet());
    }
}
