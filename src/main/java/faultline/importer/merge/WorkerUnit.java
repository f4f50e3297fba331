package faultline.importer.merge;

import faultline.importer.Content;
import faultline.importer.ReadContext;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker that crashed before it claimed any unit of work is a failed unit of its own, named after
 * the worker (its fleet id, in the file's name or first lines) or else the file. Its crash (the
 * traceback) belongs to it, so that the crash is listed with the failures and not lost among lines
 * of no unit.
 */
public final class WorkerUnit {
    private static final Pattern WORKER_ID = Pattern.compile("gpu-\\d{8}_\\d{6}-[0-9a-f]{8}");
    private static final int HEAD = 16 * 1024;
    /** supervisord's name for a program's output it keeps: {@code embedder_01-stderr---supervisor-x1k2p9.log}. */
    private static final Pattern SUPERVISED = Pattern.compile("(.+)-(?:stdout|stderr)---supervisor-\\w+");
    /** Ray's file of a submitted job's driver output, {@code job-driver-raysubmit_Xy12.log}: the unit is the job it names. */
    private static final Pattern RAY_DRIVER = Pattern.compile("job-driver-(.+)");
    /** docker's json-file driver names a container's log after its full id: {@code <64 hex>-json.log}. */
    private static final Pattern DOCKER_FILE = Pattern.compile("([0-9a-f]{12})[0-9a-f]{52}-json");

    private WorkerUnit() {
    }

    /** Gives the crash events that belong to no unit to the worker's unit. */
    public static void assign(ReadContext ctx, java.util.List<Integer> crashes) {
        int ref = ctx.tasks.ref(name(ctx.path, ctx.content));
        if (ref < 0) {
            return;
        }
        TaskDraft d = ctx.tasks.draftOfRef(ref);
        if (d.type.isEmpty()) {
            // A Ray driver's file names the job it ran: the crash fails that job, not a worker.
            d.type = RAY_DRIVER.matcher(String.valueOf(ctx.path.getFileName())).lookingAt() ? UnitVocabulary.JOB : UnitVocabulary.WORKER;
        }
        for (int i : crashes) {
            if (ctx.events.task(i) < 0) {
                ctx.events.setTask(i, ref);
            }
        }
    }

    static String name(Path path, Content content) {
        String file = String.valueOf(path.getFileName());
        Matcher m = WORKER_ID.matcher(file);
        if (m.find()) {
            return m.group();
        }
        Matcher c = WORKER_ID.matcher(content.decode(0, (int) Math.min(content.size(), HEAD)));
        if (c.find()) {
            return c.group();
        }
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        Matcher child = SUPERVISED.matcher(stem);
        if (child.matches()) {
            stem = child.group(1); // the program whose output supervisord keeps: the unit its own log names
        }
        Matcher container = DOCKER_FILE.matcher(stem);
        if (container.matches()) {
            return container.group(1); // docker's json-file of a container: the short id docker ps shows
        }
        Matcher driver = RAY_DRIVER.matcher(stem);
        if (driver.matches()) {
            stem = driver.group(1);
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < stem.length() && id.length() < 60; i++) {
            char ch = stem.charAt(i);
            id.append(Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '#' ? ch : '_');
        }
        return id.length() == 0 ? UnitVocabulary.WORKER : id.toString();
    }
}
