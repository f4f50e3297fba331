package faultline.ui.background;

/** What a piece of background work tells while it runs, and how it learns that it is no longer wanted. */
public interface Progress {
    /** A progress that goes nowhere and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void update(long done, long total, String message);

    boolean isCancelled();
}
