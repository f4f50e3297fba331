package faultline.ui.database;

import faultline.importer.db.DatabaseSource;
import faultline.importer.db.Passwords;
import faultline.importer.db.TaskRow;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Function;

/**
 * File ▸ Open Database: a Postgres URL, what to fetch, the matching tasks listed first (status, type,
 * worker, times, error), then the rows of the checked ones fetched with progress and cancel. Errors
 * stay in the dialog. It only binds to and forwards to its {@link DatabaseDialogModel}.
 */
public final class DatabaseDialog extends Dialog<DatabaseDialog.Choice> {
    /** What to open: the fetched rows, and whether beside the files open now. */
    public record Choice(DatabaseSource source, boolean withFiles) {
    }

    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    final DatabaseDialogModel model;

    public DatabaseDialog(Window owner, faultline.ui.background.Jobs jobs, String lastUrl, boolean filesOpen, DatabaseSource.PasswordPrompt prompt) {
        initOwner(owner);
        setTitle("Open Database");
        setHeaderText("Fetch failures and their rows from the worker system's database (read-only)");
        setResizable(true);
        model = new DatabaseDialogModel(jobs, Passwords.ofSystem(), prompt);
        model.url.set(lastUrl == null ? "" : lastUrl);

        TextField url = field(model.url, "postgresql://user@host:5432/database");
        url.setId("db-url");
        TextField tasks = field(model.tasks, "task ids or starts: 78cd8678 e040ae48");
        tasks.setId("db-tasks");
        TextField worker = field(model.worker, "gpu-20260224_140402-5c1e7a9d");
        TextField failed = field(model.failedSince, "6h");
        TextField since = field(model.since, "2026-02-24T14:00:00Z");
        TextField until = field(model.until, "now");
        CheckBox cascade = new CheckBox("with the orchestrator, siblings and children of their cascade");
        cascade.selectedProperty().bindBidirectional(model.cascade);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Database"), url);
        form.addRow(1, new Label("Tasks"), tasks);
        form.add(cascade, 1, 2);
        form.addRow(3, new Label("Worker"), worker);
        form.addRow(4, new Label("Failed in the last"), failed);
        HBox range = new HBox(6, since, new Label("to"), until);
        HBox.setHgrow(since, Priority.ALWAYS);
        HBox.setHgrow(until, Priority.ALWAYS);
        form.addRow(5, new Label("Time range"), range);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Label hint = new Label("The password comes from the URL, PGPASSWORD or ~/.pgpass, or is asked for; it is never saved.");
        hint.getStyleClass().add("db-hint");
        form.add(hint, 1, 6);

        Button list = new Button("List Tasks");
        list.setId("db-list");
        list.setDefaultButton(true);
        list.setOnAction(e -> model.list());
        Button fetch = new Button("Fetch Checked");
        fetch.setId("db-fetch");
        fetch.setOnAction(e -> model.fetch());
        Button stop = new Button("Stop");
        stop.setOnAction(e -> model.cancel());
        list.disableProperty().bind(model.busy);
        fetch.disableProperty().bind(model.busy.or(Bindings.isEmpty(model.listed)));
        stop.visibleProperty().bind(model.busy);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress);
        bar.visibleProperty().bind(model.busy);
        bar.setPrefWidth(160);
        Label message = new Label();
        message.setId("db-message");
        message.getStyleClass().add("db-message");
        message.textProperty().bind(model.message);
        model.failed.addListener((o, a, b) -> {
            if (b) {
                message.getStyleClass().add("db-failed");
            } else {
                message.getStyleClass().remove("db-failed");
            }
        });
        HBox actions = new HBox(8, list, fetch, stop, bar);
        CheckBox beside = new CheckBox("Open beside the files open now (the same events are kept once)");
        beside.setSelected(filesOpen);
        beside.setDisable(!filesOpen);

        VBox content = new VBox(10, form, actions, table(), message, beside);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefSize(1040, 620);
        VBox.setVgrow(content.getChildren().get(2), Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("database-dialog");
        getDialogPane().getStylesheets().add(DatabaseDialog.class.getResource("database.css").toExternalForm());
        faultline.ui.Theme.follow(getDialogPane(), owner);
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        Button open = (Button) getDialogPane().lookupButton(OPEN);
        open.disableProperty().bind(model.fetched.isNull().or(model.busy));
        open.setDefaultButton(false);
        setOnCloseRequest(e -> model.cancel());
        setResultConverter(b -> b == OPEN && model.fetched.get() != null ? new Choice(model.fetched.get(), beside.isSelected()) : null);
    }

    private static TextField field(javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private TableView<DatabaseDialogModel.Item> table() {
        TableView<DatabaseDialogModel.Item> t = new TableView<>(model.listed);
        t.setId("db-task-list");
        t.setEditable(true);
        t.setPlaceholder(new Label("List the tasks of the query to choose which to fetch"));
        TableColumn<DatabaseDialogModel.Item, Boolean> chosen = new TableColumn<>("");
        chosen.setCellValueFactory(c -> c.getValue().chosen);
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        chosen.setEditable(true);
        chosen.setPrefWidth(32);
        t.getColumns().add(chosen);
        t.getColumns().add(column("Task", 90, r -> r.id().length() > 8 ? r.id().substring(0, 8) : r.id()));
        t.getColumns().add(column("Found as", 90, TaskRow::relation));
        t.getColumns().add(column("Status", 90, TaskRow::status));
        t.getColumns().add(column("Type", 140, TaskRow::taskType));
        t.getColumns().add(column("Worker", 200, TaskRow::workerId));
        t.getColumns().add(column("Created", 170, TaskRow::createdAt));
        t.getColumns().add(column("Updated", 170, TaskRow::updatedAt));
        t.getColumns().add(column("Tries", 45, TaskRow::attempts));
        t.getColumns().add(column("Error", 320, TaskRow::errorMessage));
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(DatabaseDialogModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("db-failed-task");
                if (!empty && item != null && item.row.failed()) {
                    getStyleClass().add("db-failed-task");
                }
            }
        });
        return t;
    }

    private static TableColumn<DatabaseDialogModel.Item, String> column(String title, double width, Function<TaskRow, String> value) {
        TableColumn<DatabaseDialogModel.Item, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue().row) == null ? "" : value.apply(d.getValue().row)));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    /** Asks for a password on the FX thread for a fetch running elsewhere; empty when the user declines. */
    public static DatabaseSource.PasswordPrompt prompt(Window owner) {
        return (spec, why) -> {
            java.util.concurrent.CompletableFuture<Optional<String>> answer = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                Dialog<String> d = new Dialog<>();
                d.initOwner(owner);
                faultline.ui.Theme.follow(d.getDialogPane(), owner);
                d.setTitle("Password");
                d.setHeaderText(why);
                javafx.scene.control.PasswordField pw = new javafx.scene.control.PasswordField();
                pw.setPromptText("password of " + spec.user());
                d.getDialogPane().setContent(new VBox(6, new Label("Password for " + spec.url() + " (kept for this session only)"), pw));
                d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
                d.setResultConverter(b -> b == ButtonType.OK ? pw.getText() : null);
                Platform.runLater(pw::requestFocus);
                answer.complete(d.showAndWait().filter(s -> !s.isEmpty()));
            });
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                return Optional.empty();
            }
        };
    }
}
