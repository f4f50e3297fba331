package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.SourceText;
import faultline.model.Stamp;
import faultline.model.TaskStatus;
import faultline.model.WordGate;
import faultline.model.WordLook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills what the log lines say about a task where no tasks row did: its type, creation, start, end,
 * error and parent; and adds what they say about its status to the evidence that settles it. Reads
 * only the first and last lines of a task (and of each file's share of it) and its first and last
 * failures, so that a task of a million lines costs no more than one of a hundred: the task list of a
 * 10-million-line file is ready without decoding the file twice.
 */
public final class TaskFacts {
    private static final int EDGE = 12;
    private static final int MAX_FAILURES = 4;
    private static final Pattern ORCHESTRATOR = Pattern.compile("\"orchestrator_task_id(?:_ref)?\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS_IN_META = Pattern.compile("\"status\"\\s*:\\s*\"([A-Za-z ]+)\"");
    private static final Pattern ERROR_TEXT = Pattern.compile(
            "(?:\\[TASK_ERROR\\].*?: |Generation failed: |Failed during [^:]+: |Task failed\\. Output: )(.+)$");
    private static final Pattern STARTED = Pattern.compile("(?:^|: )Processing \\w+ task$");

    /*
     * The words without which a line tells the facts nothing (unless it names the task, is a failure, or
     * the task was sent back for a retry): most picked lines hold none and are passed over undecoded. The
     * status rules' groups come first, one per rule, so that a line that is decoded is not searched for
     * their words again: the look over its bytes found them.
     */
    private static final int RULE_GROUPS = StatusWords.hintGroupCount();
    private static final long UPDATE = 1L << RULE_GROUPS, PROCESSING = 1L << (RULE_GROUPS + 1),
            TYPE_WORD = 1L << (RULE_GROUPS + 2), CREATED = 1L << (RULE_GROUPS + 3), PARENT = 1L << (RULE_GROUPS + 4);
    private static final WordGate GATE = new WordGate(gateGroups());

    private static List<List<String>> gateGroups() {
        List<List<String>> groups = new java.util.ArrayList<>(StatusWords.hintGroups());
        groups.add(List.of("Processing status update", "Task status updated"));
        groups.add(List.of("Processing "));
        groups.add(List.of("type"));
        groups.add(List.of("Task created successfully", "Creating task"));
        groups.add(List.of("orchestrator"));
        return groups;
    }

    private static final ThreadLocal<WordLook> LOOK = ThreadLocal.withInitial(WordLook::new);

    private TaskFacts() {
    }

    /**
     * @param workerOfSource per source, the worker whose log it is (from its name or text), or null
     */
    public static void fill(TaskDraft d, int[] rows, EventStore.Builder b, List<SourceText> texts, List<String> workerOfSource) {
        int n = rows.length;
        boolean dups = b.hasDuplicates();
        boolean[] pick = picks(rows, b);
        String name = d.id.length() == 36 ? d.id.substring(0, 8) : d.id;
        WordLook look = LOOK.get();
        for (int k = 0; k < n; k++) {
            if (pick == null || pick[k]) {
                if (!(dups && b.isDuplicate(rows[k])) && tells(d, rows[k], b, texts, name, look)) {
                    read(d, rows[k], b, texts, workerOfSource, look.groups);
                }
            }
        }
        d.settle();
    }

    /**
     * The rows read, in time order: the first and last lines of the task, the first and last lines
     * of each file's share of it (where each file says how the task ended, even when another file
     * has more lines after), and the first and last few failures in between, found from the level
     * column alone. Null means every row.
     */
    private static boolean[] picks(int[] rows, EventStore.Builder b) {
        int n = rows.length;
        if (n <= 2 * EDGE) {
            return null;
        }
        boolean[] pick = new boolean[n];
        for (int k = 0; k < EDGE; k++) {
            pick[k] = true;
            pick[n - 1 - k] = true;
        }
        int first = b.source(rows[0]);
        int sources = first + 1;
        boolean several = false;
        for (int r : rows) {
            int s = b.source(r);
            if (s != first) {
                several = true;
                sources = Math.max(sources, s + 1);
            }
        }
        if (several) {
            int[] seen = new int[sources];
            for (int k = 0; k < n; k++) {
                int s = b.source(rows[k]);
                if (seen[s] < EDGE) {
                    seen[s]++;
                    pick[k] = true;
                }
            }
            java.util.Arrays.fill(seen, 0);
            for (int k = n - 1; k >= 0; k--) {
                int s = b.source(rows[k]);
                if (seen[s] < EDGE) {
                    seen[s]++;
                    pick[k] = true;
                }
            }
        }
        int failures = 0;
        int k = EDGE;
        for (; k < n - EDGE && failures < MAX_FAILURES; k++) {
            if (b.failureLevel(rows[k])) {
                pick[k] = true;
                failures++;
            }
        }
        // Where the first failures did not reach the end, the last ones are read too.
        failures = 0;
        for (int j = n - EDGE - 1; j >= k && failures < MAX_FAILURES; j--) {
            if (b.failureLevel(rows[j])) {
                pick[j] = true;
                failures++;
            }
        }
        return pick;
    }

    /** Whether the row can tell the draft anything it lacks, judged by a look at its words. */
    private static boolean tells(TaskDraft d, int r, EventStore.Builder b, List<SourceText> texts, String name, WordLook look) {
        texts.get(b.source(r)).look(b.ref(r), b.extent(r), GATE, name, look);
        long g = look.groups;
        return b.level(r).isFailure() || d.evidence.hasRetry() || look.mentions || StatusWords.viable(g) != 0 || (g & UPDATE) != 0
                || (d.type.isEmpty() && (g & (PROCESSING | TYPE_WORD)) != 0)
                || (d.started == null && (g & PROCESSING) != 0)
                || (d.created == null && (g & CREATED) != 0)
                || (d.parentId.isEmpty() && (g & PARENT) != 0);
    }

    /** @param groups the groups of {@link #GATE} that a look at the row's bytes found (a superset of the message's) */
    private static void read(TaskDraft d, int r, EventStore.Builder b, List<SourceText> texts, List<String> workerOfSource, long groups) {
        SourceText t = texts.get(b.source(r));
        String msg = faultline.model.MessageText.withoutComponent(t.message(b.ref(r), b.extent(r)).strip());
        Stamp when = new Stamp(b.nanos(r), b.precision(r), b.estimated(r));
        // The patterns run only where their words are: most rows of a task say none of them.
        boolean processing = (groups & PROCESSING) != 0 && msg.contains("Processing ");
        if (d.type.isEmpty() && (processing || ((groups & TYPE_WORD) != 0 && msg.contains("type")))) {
            String type = typeIn(msg);
            if (type != null && !type.equals("status")) {
                d.type = type;
            }
        }
        if (d.created == null && (msg.startsWith("Task created successfully") || msg.startsWith("Creating task"))) {
            d.created = when;
        }
        if (d.started == null && ((processing && STARTED.matcher(msg).find()) || (names(msg, d.id) && UnitVocabulary.claimsInRecord(msg)))) {
            d.started = when; // a line that takes the unit on: it is in progress from then on
        } else if (d.started == null && msg.contains(d.id) && OwnerMention.only(msg, d.id)) {
            d.started = when; // a step of the unit ran (a workflow run's activity): the unit is under way
        }
        int source = b.source(r);
        String worker = source < workerOfSource.size() ? workerOfSource.get(source) : null;
        StatusWords.Says says = StatusWords.of(msg, b.level(r), groups);
        if (says == StatusWords.Says.RETRY) {
            d.retried(when, worker);
        } else if (says == StatusWords.Says.OVER) {
            d.over(when, worker);
        } else if (says != null) {
            d.lineStatus(StatusWords.status(says), when, worker);
        } else {
            TaskStatus s = (groups & UPDATE) != 0 ? statusUpdate(msg, t, b, r) : null;
            if (s == null) {
                StatusWords.Says other = StatusWords.ofOtherWorkers(msg, b.level(r), names(msg, d.id), groups);
                if (other == StatusWords.Says.OVER) {
                    d.over(when, worker);
                    other = null;
                }
                s = other == null ? null : StatusWords.status(other);
            }
            if (s == TaskStatus.QUEUED) {
                d.retried(when, worker);
            } else if (s != null) {
                d.lineStatus(s, when, worker);
            } else if (d.evidence.hasRetry() && startsAttempt(msg)) {
                d.startedAgain(when, worker);
            }
        }
        if (d.errorMessage.isEmpty() && b.level(r).isFailure()) {
            Matcher e = ERROR_TEXT.matcher(msg.lines().findFirst().orElse(""));
            if (e.find()) {
                d.errorMessage = e.group(1).trim();
            }
        }
        if (d.parentId.isEmpty() && (groups & PARENT) != 0 && msg.contains("orchestrator")) {
            Matcher o = ORCHESTRATOR.matcher(t.raw(b.ref(r), b.extent(r)));
            if (o.find() && !o.group(1).equals(d.id)) {
                d.parentId = o.group(1);
            }
        }
    }

    /**
     * The type a line gives its task, at the first of {@code Found task of type: X}, {@code Processing X task},
     * {@code (type=X} and {@code task_type='X'}; null if none. Read by hand: the claim line of each of a
     * fleet's 50,000 tasks was searched with a pattern of four alternatives tried at every position.
     */
    static String typeIn(String msg) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (int form = 0; form < TYPE_BEFORE.length; form++) {
            String before = TYPE_BEFORE[form];
            for (int at = msg.indexOf(before); at >= 0 && at < bestAt; at = msg.indexOf(before, at + 1)) {
                int from = at + before.length();
                int to = wordEnd(msg, from);
                if (to > from && typeEnds(msg, to, form)) {
                    best = msg.substring(from, to);
                    bestAt = at;
                    break;
                }
            }
        }
        return best;
    }

    private static final String[] TYPE_BEFORE = {"Found task of type: ", "Processing ", "(type=", "task_type='"};

    /** What must follow the type's word in each form of {@link #TYPE_BEFORE}. */
    private static boolean typeEnds(String msg, int to, int form) {
        switch (form) {
            // The pattern's word boundary, as this JVM's patterns read it: any letter or digit continues the word.
            case 1: return msg.startsWith(" task", to) && (to + 5 == msg.length() || !(Character.isLetterOrDigit(msg.charAt(to + 5)) || msg.charAt(to + 5) == '_'));
            case 3: return to < msg.length() && msg.charAt(to) == '\'';
            default: return true;
        }
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** An edge function's status update, whose new status is in the row's metadata. */
    private static TaskStatus statusUpdate(String msg, SourceText t, EventStore.Builder b, int r) {
        int at = msg.indexOf("Processing status update");
        if (at < 0) {
            at = msg.indexOf("Task status updated");
        }
        if (at >= 0) {
            Matcher m = STATUS_IN_META.matcher(t.raw(b.ref(r), b.extent(r)));
            if (m.find()) {
                TaskStatus s = TaskStatus.parse(m.group(1));
                return s == TaskStatus.UNKNOWN ? null : s;
            }
            Matcher said = STATUS_SAID.matcher(msg);
            if (said.find(at)) {
                TaskStatus s = TaskStatus.parse(said.group(1));
                return s == TaskStatus.UNKNOWN ? null : s;
            }
        }
        return null;
    }

    /** {@code Processing status update for <id>: Failed}: the new status said at the end of the message. */
    private static final Pattern STATUS_SAID = Pattern.compile(": (Queued|In Progress|Complete|Failed|Cancelled)\\s*$");

    /** A line that takes a unit on: a claim, a receipt, the start of processing. */
    private static boolean startsAttempt(String msg) {
        if (STARTED.matcher(msg).find() || UnitVocabulary.claimsInRecord(msg)) {
            return true;
        }
        byte[] b = msg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return UnitVocabulary.stepAtStart(b, 0, b.length) == UnitVocabulary.Step.CLAIM;
    }

    /**
     * Whether the message names the unit: its id, or the 8-hex start of a UUID; not where it names it only as the
     * owner of a step the line is about (a Temporal activity's info naming its workflow run).
     */
    private static boolean names(String msg, String id) {
        if (msg.contains(id)) {
            return !OwnerMention.only(msg, id);
        }
        return id.length() == 36 && msg.contains(id.substring(0, 8));
    }
}
