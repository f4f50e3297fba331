package faultline.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The words the window shows, from faultline/text/words.properties, the one file of every word Faultline
 * shows (English; a translation is a words_xx.properties beside it with the same keys).
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("faultline.text.words");

    private Messages() {
    }

    public static String get(String key) {
        return BUNDLE.getString(key);
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }

    /** A message with {0}, {1} … filled in (a quote in the message is written twice, as MessageFormat wants). */
    public static String format(String key, Object... args) {
        return MessageFormat.format(get(key), args);
    }
}
