package faultline.text;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The words Faultline writes outside the window: the command line's messages, the labels the timeline
 * picture draws, and the analysis' sentences, from faultline/text/words.properties, the one file of
 * every word Faultline shows (English; a translation is a words_xx.properties beside it with the same
 * keys). No toolkit: the command line and the headless export use it too.
 */
public final class Prose {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("faultline.text.words");

    private Prose() {
    }

    public static String get(String key) {
        return BUNDLE.getString(key);
    }

    /** A sentence with {0}, {1} … filled in (a quote in it is written twice, as MessageFormat wants). */
    public static String format(String key, Object... args) {
        return MessageFormat.format(get(key), args);
    }
}
