/** Faultline: a desktop timeline visualizer for task failures of a GPU worker fleet. */
module faultline {
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires java.prefs;
    requires java.logging;
    requires java.management;
    requires jdk.management;
    requires java.sql;
    // The driver is an automatic module, which jlink cannot link: the runtime image is made without it and
    // the launchers put it on the module path (--add-modules org.postgresql.jdbc).
    requires static org.postgresql.jdbc;
    requires jdk.charsets;
    requires org.controlsfx.controls;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    // The application class is made by the toolkit; its stylesheets are read by it (each package's own).
    exports faultline.ui.app to javafx.graphics;
    opens faultline.ui to javafx.graphics;
    opens faultline.ui.app to javafx.graphics;
    opens faultline.ui.actions to javafx.graphics;
    opens faultline.ui.database to javafx.graphics;
    opens faultline.ui.export to javafx.graphics;
    opens faultline.ui.inspector to javafx.graphics;
    opens faultline.ui.log to javafx.graphics;
    opens faultline.ui.notes to javafx.graphics;
    opens faultline.ui.sources to javafx.graphics;
    opens faultline.ui.tasks to javafx.graphics;
    opens faultline.ui.timeline to javafx.graphics;
    exports faultline.cli;
    opens faultline.analysis to com.fasterxml.jackson.databind;
    opens faultline.model to com.fasterxml.jackson.databind;
    opens faultline.workspace to com.fasterxml.jackson.databind;
    opens faultline.importer.db to com.fasterxml.jackson.databind;
}
