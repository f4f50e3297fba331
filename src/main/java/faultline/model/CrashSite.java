package faultline.model;

/**
 * Where a failure was raised, as its stack trace tells: the function, file and line of the last frame
 * in the project's own code; {@link Traceback#raisedAt()} also gives the last frame when every frame is a library's.
 *
 * @param function the function of the frame, e.g. {@code process_travel}
 * @param file     the file as the trace wrote it, e.g. {@code /app/worker/travel.py}
 * @param line     1-based line in that file, 0 when the trace gives none
 * @param code     the source line the trace quotes, or ""
 * @param own      true when the frame is the project's own code, false for a library's frame
 */
public record CrashSite(String function, String file, int line, String code, boolean own) {

    /** The file name without its folders: {@code travel.py}. */
    public String fileName() {
        int s = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return s >= 0 ? file.substring(s + 1) : file;
    }

    /** {@code process_travel (travel.py:42)}: how the site is shown. */
    public String text() {
        String where = line > 0 ? fileName() + ":" + line : fileName();
        return function.isEmpty() ? where : function + " (" + where + ")";
    }

    @Override
    public String toString() {
        return text();
    }
}
