package faultline.ui.sources;

import faultline.model.ParseReport;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parse report: per file its format and repairs, then every line not understood, with why. */
public final class ParseReportDialog {
    record Line(String file, String line, String reason, String text) {
    }

    private ParseReportDialog() {
    }

    public static void show(Window owner, ParseReport report) {
        create(owner, report).show();
    }

    /** The report, not shown yet; Close, Enter or Esc closes it. */
    public static Dialog<Void> create(Window owner, ParseReport report) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(faultline.ui.Messages.get("report.title"));
        d.setResizable(true);
        StringBuilder sb = new StringBuilder();
        for (ParseReport.FileReport f : report.files()) {
            if (f.fatal() != null) {
                sb.append(faultline.ui.Messages.format("report.fatal", f.file(), f.fatal())).append('\n');
                continue;
            }
            sb.append(faultline.ui.Messages.format("report.file", f.file(), f.format().label(), Math.round(f.confidence() * 100), f.lines(), f.events(), f.unparsed()));
            for (Map.Entry<ParseReport.Repair, Long> r : f.repairs().entrySet()) {
                sb.append(faultline.ui.Messages.format("report.repair", r.getValue(), r.getKey().label()));
            }
            sb.append('\n');
        }
        Label summary = new Label(sb.toString().strip());
        summary.setWrapText(true);
        List<Line> lines = new ArrayList<>();
        for (ParseReport.FileReport f : report.files()) {
            for (ParseReport.Problem p : f.problems()) {
                lines.add(new Line(f.file(), p.line() > 0 ? Integer.toString(p.line()) : "", p.reason(), p.excerpt()));
            }
        }
        TableView<Line> table = new TableView<>();
        table.setId("parse-report-table");
        table.setAccessibleText(faultline.ui.Messages.get("report.table.spoken"));
        table.getItems().setAll(lines);
        table.setPlaceholder(new Label(faultline.ui.Messages.get("report.none")));
        table.getColumns().add(col(faultline.ui.Messages.get("report.column.file"), Line::file, 180));
        table.getColumns().add(col(faultline.ui.Messages.get("report.column.line"), Line::line, 60));
        table.getColumns().add(col(faultline.ui.Messages.get("report.column.why"), Line::reason, 280));
        table.getColumns().add(col(faultline.ui.Messages.get("report.column.text"), Line::text, 420));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, summary, table);
        box.setPrefSize(960, 520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        faultline.ui.DialogKeys.enterCloses(d.getDialogPane());
        d.getDialogPane().getStyleClass().add("sources-dialog");
        d.getDialogPane().getStylesheets().add(ParseReportDialog.class.getResource("sources.css").toExternalForm());
        faultline.ui.Theme.follow(d.getDialogPane(), owner);
        return d;
    }

    private static TableColumn<Line, String> col(String title, java.util.function.Function<Line, String> f, double w) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
