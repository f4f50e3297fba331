package faultline.ui.sources;

import faultline.importer.ImportOptions;
import faultline.importer.Readers;
import faultline.model.DurationText;
import faultline.model.ParseReport;
import faultline.model.SourceFormat;
import faultline.ui.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per opened file: the format (detected, with its confidence, or chosen), the time zone of times
 * written without one, a clock offset for skew between a worker and the database, and the date of
 * time-only lines. OK re-imports with these settings.
 */
public final class SourceOptionsDialog {
    private static final List<String> ZONES = List.of("UTC", ZoneId.systemDefault().getId(), "Europe/London", "Europe/Berlin",
            "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata");

    private SourceOptionsDialog() {
    }

    /** Shows the dialog; returns the new options if the user pressed OK and every field was valid. */
    public static Optional<ImportOptions> show(Window owner, List<Path> files, ParseReport report, ImportOptions current) {
        return create(owner, files, report, current).showAndWait();
    }

    /**
     * The dialog, not shown yet: OK (Enter) gives the options of every row once each field is valid,
     * Cancel (Esc) nothing. A screen reader hears each control with its column and its file.
     */
    public static Dialog<ImportOptions> create(Window owner, List<Path> files, ParseReport report, ImportOptions current) {
        Dialog<ImportOptions> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("sources.title"));
        d.setHeaderText(Messages.get("sources.header"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label(Messages.get("sources.file")), new Label(Messages.get("sources.format")), new Label(Messages.get("sources.zone")),
                new Label(Messages.get("sources.offset")), new Label(Messages.get("sources.date")));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            ImportOptions.SourceOptions o = current.of(f);
            ParseReport.FileReport r = i < report.files().size() ? report.files().get(i) : null;
            Row row = new Row(f, r, o);
            rows.add(row);
            grid.addRow(i + 1, new Label(String.valueOf(f.getFileName())), row.format, row.zone, row.offset, row.date);
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getStyleClass().add("sources-dialog");
        d.getDialogPane().getStylesheets().add(SourceOptionsDialog.class.getResource("sources.css").toExternalForm());
        faultline.ui.Theme.follow(d.getDialogPane(), owner);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Label error = new Label();
        error.getStyleClass().add("error-text");
        grid.add(error, 0, files.size() + 1, 5, 1);
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String problem = rows.stream().map(Row::problem).filter(p -> p != null).findFirst().orElse(null);
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            ImportOptions out = ImportOptions.defaults();
            for (Row r : rows) {
                out.set(r.file, r.options());
            }
            return out;
        });
        return d;
    }

    /** The controls of one file's row. */
    private static final class Row {
        final Path file;
        final ChoiceBox<SourceFormat> format = new ChoiceBox<>();
        final ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(ZONES));
        final TextField offset = new TextField();
        final DatePicker date = new DatePicker();

        Row(Path file, ParseReport.FileReport detected, ImportOptions.SourceOptions o) {
            this.file = file;
            String auto = detected == null ? Messages.get("sources.detect")
                    : Messages.format("sources.detected", detected.format().label(), Math.round(detected.confidence() * 100));
            format.getItems().add(null);
            format.getItems().addAll(Readers.formats());
            format.setConverter(new StringConverter<>() {
                @Override
                public String toString(SourceFormat f) {
                    return f == null ? auto : f.label();
                }

                @Override
                public SourceFormat fromString(String s) {
                    return null;
                }
            });
            format.setValue(o.format());
            zone.setEditable(true);
            zone.setValue(o.zone() == null ? "UTC" : o.zone().getId().equals("Z") ? "UTC" : o.zone().getId());
            offset.setPromptText(Messages.get("sources.offset.prompt"));
            String name = String.valueOf(file.getFileName());
            // One header labels a column of rows: each control says its column and its file.
            format.setAccessibleText(Messages.format("sources.format.spoken", name));
            zone.setAccessibleText(Messages.format("sources.zone.spoken", name));
            offset.setAccessibleText(Messages.format("sources.offset.spoken", name));
            date.setAccessibleText(Messages.format("sources.date.spoken", name));
            offset.setText(o.offsetNanos() == 0 ? "" : DurationText.signed(o.offsetNanos()).replace(" ", ""));
            offset.setPrefColumnCount(8);
            offset.setId("source-offset");
            date.setValue(o.date());
        }

        String problem() {
            try {
                zoneOf(zone.getEditor().getText());
            } catch (RuntimeException e) {
                return Messages.format("sources.zone.unknown", file.getFileName(), zone.getEditor().getText());
            }
            try {
                DurationText.parse(offset.getText());
            } catch (IllegalArgumentException e) {
                return file.getFileName() + ": " + e.getMessage();
            }
            return null;
        }

        ImportOptions.SourceOptions options() {
            return new ImportOptions.SourceOptions(format.getValue(), zoneOf(zone.getEditor().getText()),
                    DurationText.parse(offset.getText()), date.getValue());
        }

        static ZoneId zoneOf(String s) {
            String z = s == null ? "" : s.strip();
            return z.isEmpty() || z.equalsIgnoreCase("UTC") ? ZoneOffset.UTC : ZoneId.of(z);
        }
    }
}
