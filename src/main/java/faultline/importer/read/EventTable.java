package faultline.importer.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a {@code kubectl get events} table, where its header puts them: kubectl pads every column to
 * its widest cell, so a row's cell starts where its column's name does (a cell may be empty: SUBOBJECT often is).
 *
 * @param names  the header's column names, left to right ({@code LAST SEEN}, {@code TYPE}…)
 * @param starts where each begins
 */
record EventTable(List<String> names, int[] starts) {
    /** A column's name: upper-case words with single spaces between ({@code FIRST SEEN}); columns have two or more. */
    private static final Pattern NAME = Pattern.compile("[A-Z]+(?: [A-Z]+)*");
    private static final List<String> NEEDED = List.of("TYPE", "REASON", "MESSAGE");

    /** The table a header line opens, or null if the line is no such header. */
    static EventTable of(String line) {
        if (line.length() < 30 || !line.contains("REASON") || !line.contains("MESSAGE")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher m = NAME.matcher(line);
        int end = 0;
        while (m.find()) {
            if (m.start() != 0 && m.start() - end < 2) {
                return null;
            }
            if (!line.substring(end, m.start()).isBlank()) {
                return null; // text that is not a column name
            }
            names.add(m.group());
            starts.add(m.start());
            end = m.end();
        }
        boolean seen = names.contains("LAST SEEN") || names.contains("LASTSEEN");
        // The object a row is about: OBJECT (kind/name), or in kubectl before 1.x's OBJECT the NAME and KIND columns.
        boolean object = names.contains("OBJECT") || (names.contains("NAME") && names.contains("KIND"));
        if (!line.substring(end).isBlank() || !names.containsAll(NEEDED) || !seen || !object) {
            return null;
        }
        return new EventTable(List.copyOf(names), starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code kubectl describe}'s Events section header: {@code   Type    Reason   Age   From   Message}, indented. */
    private static final Pattern DESCRIBED = Pattern.compile("^\\s+Type\\s{2,}Reason\\s{2,}Age\\s{2,}From\\s{2,}Message\\s*$");

    /** The table of a described object's events, its columns named in upper case as the listing's are; or null. */
    static EventTable ofDescribed(String line) {
        if (!DESCRIBED.matcher(line).matches()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+").matcher(line);
        while (m.find()) {
            names.add(m.group().toUpperCase(java.util.Locale.ROOT));
            starts.add(m.start());
        }
        return new EventTable(List.copyOf(names), starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The named column's cell of the row, or "" (a column the table lacks, a row too short for it). */
    String cell(String row, String name) {
        int i = names.indexOf(name);
        if (i < 0 || starts[i] >= row.length()) {
            return "";
        }
        int to = i + 1 < starts.length ? Math.min(row.length(), starts[i + 1]) : row.length();
        return row.substring(starts[i], to).strip();
    }

    /** The row's event, or null for a line out of the columns (a cell that starts before its column). */
    EventRow row(String row) {
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] < row.length() && row.charAt(starts[i] - 1) != ' ' && row.charAt(starts[i] - 1) != '\t') {
                return null;
            }
        }
        if (!names.contains("OBJECT") && !names.contains("KIND")) {
            return new EventRow(cell(row, "TYPE"), cell(row, "REASON"), "", "", cell(row, "MESSAGE")); // a described object's
        }
        if (names.contains("OBJECT")) {
            String object = cell(row, "OBJECT"); // under -o wide, NAME is the event's own name: not what it is about
            int slash = object.indexOf('/');
            return new EventRow(cell(row, "TYPE"), cell(row, "REASON"), object, slash > 0 ? object.substring(0, slash) : "", cell(row, "MESSAGE"));
        }
        return new EventRow(cell(row, "TYPE"), cell(row, "REASON"), cell(row, "NAME"), cell(row, "KIND"), cell(row, "MESSAGE"));
    }
}
