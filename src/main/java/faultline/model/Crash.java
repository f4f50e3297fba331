package faultline.model;

import java.util.List;

/**
 * How and where a task failed, as far as the logs can tell.
 *
 * @param exceptionType   e.g. AttributeError, or "" if no line names one
 * @param message         the exception message, e.g. 'NoneType' object has no attribute 'get'
 * @param lastEvidence    store row of the last line that shows the task still working, or -1
 * @param firstSignal     store row of the first failure signal, or -1
 * @param signalEarliest  earliest time the first signal can have happened (ns)
 * @param signalLatest    latest time it can have happened (its precision window)
 * @param phase           phase the task was in
 * @param crashParam      loop parameter at the crash point, or null
 * @param lastStep        last loop step reached, or null
 * @param expectedNext    step the loop's earlier iterations did next, or null
 * @param caveats         plain statements of what the logs cannot show (rows may be missing, …)
 * @param signature       the failure's signature, for grouping
 * @param site            where the exception was raised, from its stack trace, or null when no trace says
 * @param traceback       the failure's stack trace with its chain, or null when none was logged
 * @param exceptionInferred true when no line names the exception type and it was inferred from the message
 */
public record Crash(String exceptionType, String message, int lastEvidence, int firstSignal, long signalEarliest,
                    long signalLatest, PhaseKind phase, LoopParam crashParam, StepKind lastStep, StepKind expectedNext,
                    List<String> caveats, Signature signature, CrashSite site, Traceback traceback,
                    boolean exceptionInferred) {

    /** A crash without a stack trace. */
    public Crash(String exceptionType, String message, int lastEvidence, int firstSignal, long signalEarliest,
                 long signalLatest, PhaseKind phase, LoopParam crashParam, StepKind lastStep, StepKind expectedNext,
                 List<String> caveats, Signature signature) {
        this(exceptionType, message, lastEvidence, firstSignal, signalEarliest, signalLatest, phase, crashParam, lastStep,
                expectedNext, caveats, signature, null, null, false);
    }
}
