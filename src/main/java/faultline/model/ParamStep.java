package faultline.model;

/** One logged step of a loop iteration: what, when, and which row says so. */
public record ParamStep(StepKind kind, long nanos, int precision, int event) {
}
