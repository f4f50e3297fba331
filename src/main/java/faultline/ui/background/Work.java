package faultline.ui.background;

/** Work done off the FX thread: it must not touch the window, only compute and return its result. */
@FunctionalInterface
public interface Work<T> {
    T call(Progress progress) throws Exception;
}
