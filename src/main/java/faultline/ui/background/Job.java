package faultline.ui.background;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.function.Consumer;

/**
 * One kind of background work of the window (import, compare, save, export…). Its outcome comes back
 * on the FX thread; a run that was replaced never reports.
 */
public interface Job<T> {
    /** Starts the work now; a run in progress is cancelled and its outcome dropped. */
    void restart(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed);

    /** Runs the work after the runs asked for before it, in order (a save or an export is never cut off by the next). */
    void queue(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed);

    /** Stops the run in progress and drops what waits; its failed consumer gets a {@link Cancelled}. */
    void cancel();

    ReadOnlyBooleanProperty runningProperty();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** What a cancelled run reports. */
    final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
