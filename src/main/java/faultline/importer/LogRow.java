package faultline.importer;

/**
 * One system_logs row handed over by a {@link RowSource}, its time already read: the fields the
 * model needs, as text, null when the column was empty.
 *
 * @param nanos     the row's timestamp, ns since the epoch (UTC)
 * @param precision fraction digits the timestamp really had (the database drops trailing zeros)
 * @param metadata  the metadata column as JSON text, or null
 */
public record LogRow(long nanos, int precision, String level, String sourceType, String sourceId, String message,
                     String taskId, String workerId, String metadata) {
}
