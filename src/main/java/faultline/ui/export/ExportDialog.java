package faultline.ui.export;

import faultline.ui.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to export: the timeline or the whole window, at which scale, with which title, as PNG or SVG,
 * and into which file. The file is checked as it is typed or chosen: a log that is open, a device or
 * a pipe, or a folder that does not exist is refused here, before anything asks to replace it.
 */
public final class ExportDialog {
    public enum What { TIMELINE, WINDOW }

    /** width: of the timeline picture at 1×, in pixels (the window picture is as wide as the window). */
    public record Choice(What what, int scale, String title, boolean svg, int width) {
        public Choice(What what, int scale, String title, boolean svg) {
            this(what, scale, title, svg, DEFAULT_WIDTH);
        }
    }

    /** The choice and the file to write it to. */
    public record Chosen(Choice choice, Path target) {
    }

    public static final int DEFAULT_WIDTH = (int) faultline.export.TimelineExport.DEFAULT_WIDTH;

    private ExportDialog() {
    }

    /**
     * @param target the file proposed
     * @param check  why a file may not be written, or null if it may
     */
    public static Optional<Chosen> show(Window owner, String title, Path target, Function<Path, String> check) {
        return create(owner, title, target, check).showAndWait();
    }

    /**
     * The dialog, not shown yet: OK (Enter) gives the choice and the file unless the file is refused,
     * Cancel (Esc) nothing. Each field's label is bound to it and picks it with Alt and its letter.
     */
    public static Dialog<Chosen> create(Window owner, String title, Path target, Function<Path, String> check) {
        Dialog<Chosen> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("export.title"));
        d.setHeaderText(Messages.get("export.header"));
        ChoiceBox<String> what = new ChoiceBox<>(FXCollections.observableArrayList(Messages.get("export.what.timeline"), Messages.get("export.what.window")));
        what.getSelectionModel().select(0);
        ChoiceBox<String> scale = new ChoiceBox<>(FXCollections.observableArrayList("1×", "2×", "3×"));
        scale.getSelectionModel().select(1);
        ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("PNG", "SVG"));
        format.getSelectionModel().select(0);
        format.disableProperty().bind(what.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        what.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 1) {
                format.getSelectionModel().select(0);
            }
        });
        javafx.scene.control.Spinner<Integer> width = new javafx.scene.control.Spinner<>(400, 8000, DEFAULT_WIDTH, 100);
        width.setEditable(true);
        width.setId("export-width");
        // A typed width counts when the field is left, not only on Enter.
        width.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                try {
                    width.increment(0);
                } catch (NumberFormatException e) {
                    width.getEditor().setText(String.valueOf(width.getValue()));
                }
            }
        });
        width.disableProperty().bind(what.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        Label widthUnit = new Label(Messages.get("export.width.unit"));
        TextField t = new TextField(title);
        t.setPrefColumnCount(40);
        t.setId("export-caption");
        TextField file = new TextField(target.toString());
        file.setId("export-file");
        Label verdict = new Label();
        verdict.setId("export-file-check");
        verdict.setWrapText(true);
        verdict.setMaxWidth(520);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button choose = new Button(Messages.get("export.choose"));
        choose.setAccessibleText(Messages.get("export.choose.spoken"));
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("export.title"));
            String ext = format.getSelectionModel().getSelectedIndex() == 1 ? "svg" : "png";
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
            Path now = pathOf(file.getText());
            if (now != null && now.toAbsolutePath().getParent() != null && Files.isDirectory(now.toAbsolutePath().getParent())) {
                fc.setInitialDirectory(now.toAbsolutePath().getParent().toFile());
                fc.setInitialFileName(String.valueOf(now.getFileName()));
            }
            java.io.File f = fc.showSaveDialog(d.getDialogPane().getScene().getWindow());
            if (f != null) {
                file.setText(f.toPath().toString()); // checked like a typed name
            }
        });
        format.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            String text = file.getText();
            String ext = b.intValue() == 1 ? ".svg" : ".png";
            if (text.endsWith(".png") || text.endsWith(".svg")) {
                file.setText(text.substring(0, text.length() - 4) + ext);
            }
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        g.addRow(0, label(Messages.get("export.what"), what), what);
        g.addRow(1, label(Messages.get("export.caption"), t), t);
        g.addRow(2, label(Messages.get("export.width"), width), new javafx.scene.layout.HBox(6, width, widthUnit));
        g.addRow(3, label(Messages.get("export.scale"), scale), scale);
        g.addRow(4, label(Messages.get("export.format"), format), format);
        g.addRow(5, label(Messages.get("export.file"), file), new HBox(6, file, choose));
        g.add(verdict, 1, 6);
        HBox.setHgrow(file, Priority.ALWAYS);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getStylesheets().add(ExportDialog.class.getResource("export.css").toExternalForm());
        faultline.ui.Theme.follow(d.getDialogPane(), owner);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable recheck = () -> {
            String why = verdictOf(file.getText(), check);
            verdict.setText(why == null ? "" : why);
            verdict.getStyleClass().setAll("label", why == null ? "export-file-ok"
                    : why.startsWith(EXISTS) ? "export-file-replaces" : "export-file-refused");
            ok.setDisable(why != null && !why.startsWith(EXISTS));
            if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
                d.getDialogPane().getScene().getWindow().sizeToScene(); // room for a message of two lines
            }
        };
        file.textProperty().addListener((o, a, b) -> recheck.run());
        recheck.run();
        d.setResultConverter(b -> b != ButtonType.OK ? null
                : new Chosen(new Choice(what.getSelectionModel().getSelectedIndex() == 0 ? What.TIMELINE : What.WINDOW,
                        scale.getSelectionModel().getSelectedIndex() + 1, t.getText(), format.getSelectionModel().getSelectedIndex() == 1,
                        width.getValue()), pathOf(file.getText())));
        return d;
    }

    /** A field's label, bound to it: a screen reader names the field by it, and Alt with its letter moves there. */
    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    private static final String EXISTS = "⚠ ";

    /** What the dialog says about the file: null when it is new and may be written, "⚠ …" when it is replaced, else why it is refused. */
    public static String verdictOf(String text, Function<Path, String> check) {
        Path p = pathOf(text);
        if (p == null) {
            return Messages.get("export.file.none");
        }
        String refusal = check.apply(p);
        if (refusal != null) {
            // The field shows the path already.
            String why = refusal.startsWith(p.toString()) ? Messages.get("export.file.it") + refusal.substring(p.toString().length()) : refusal;
            return Messages.format("export.file.refused", why);
        }
        return Files.isRegularFile(p) ? EXISTS + Messages.format("export.file.replaced", p.getFileName()) : null;
    }

    private static Path pathOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
