package faultline.ui.about;

import faultline.ui.Messages;

import faultline.ui.app.AppLog;
import faultline.workspace.AppInfo;
import faultline.workspace.RecentFiles;
import faultline.workspace.UserFolders;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What Help ▸ About says, worked out without a toolkit: the version and license, what Faultline runs on and
 * where it keeps what it writes — what a bug report needs to say about an installation.
 */
record AboutFacts(String version, List<Fact> facts) {
    /** One line of the dialog: what it is, and its value. */
    record Fact(String label, String value) {
    }

    static AboutFacts current() {
        return of(AppInfo.current(), System::getProperty, UserFolders.data(), UserFolders.cache(), AppLog.folder(),
                RecentFiles.defaultNode().absolutePath());
    }

    static AboutFacts of(AppInfo app, UnaryOperator<String> property, Path data, Path cache, Path log, String settingsNode) {
        String fx = property.apply("javafx.runtime.version");
        String prefsRoot = property.apply("java.util.prefs.userRoot");
        Path prefs = Path.of(prefsRoot != null ? prefsRoot : property.apply("user.home"), ".java", ".userPrefs");
        return new AboutFacts(app.version(), List.of(
                new Fact(Messages.get("about.version"), app.version()),
                new Fact(Messages.get("about.license"), licenseText(app.license())),
                new Fact(Messages.get("about.java"), property.apply("java.version") + " · " + property.apply("java.vm.name") + " · " + property.apply("java.vendor")),
                new Fact(Messages.get("about.javafx"), fx != null ? fx : app.builtWithJavafx()),
                new Fact(Messages.get("about.system"), property.apply("os.name") + " " + property.apply("os.version") + " · " + property.apply("os.arch")),
                new Fact(Messages.get("about.data"), Messages.format("about.data.what", data)),
                new Fact(Messages.get("about.cache"), Messages.format("about.cache.what", cache)),
                new Fact(Messages.get("about.settings"), Messages.format("about.settings.what", settingsNode, prefs)),
                new Fact(Messages.get("about.log"), Messages.format("about.log.what", log))));
    }

    private static String licenseText(String spdx) {
        return "Apache-2.0".equals(spdx) ? Messages.get("about.license.apache") : spdx;
    }

    /** The dialog as plain text, for Copy Details: pasted into a bug report as it is. */
    String text() {
        StringBuilder sb = new StringBuilder("Faultline ").append(version).append('\n');
        for (Fact f : facts) {
            sb.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        return sb.toString();
    }
}
