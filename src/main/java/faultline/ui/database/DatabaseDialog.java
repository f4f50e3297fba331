package faultline.ui.database;

import faultline.importer.db.DatabaseSource;
import faultline.importer.db.Passwords;
import faultline.importer.db.TaskRow;
import faultline.ui.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
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

    static final ButtonType OPEN = new ButtonType(Messages.get("db.open"), ButtonBar.ButtonData.OK_DONE);
    final DatabaseDialogModel model;

    public DatabaseDialog(Window owner, faultline.ui.background.Jobs jobs, String lastUrl, boolean filesOpen, DatabaseSource.PasswordPrompt prompt) {
        initOwner(owner);
        setTitle(Messages.get("db.title"));
        setHeaderText(Messages.get("db.header"));
        setResizable(true);
        model = new DatabaseDialogModel(jobs, Passwords.ofSystem(), prompt);
        model.url.set(lastUrl == null ? "" : lastUrl);

        TextField url = field(model.url, "postgresql://user@host:5432/database");
        url.setId("db-url");
        TextField tasks = field(model.tasks, Messages.get("db.tasks.prompt"));
        tasks.setId("db-tasks");
        TextField worker = field(model.worker, "gpu-20260224_140402-5c1e7a9d");
        TextField failed = field(model.failedSince, "6h");
        TextField since = field(model.since, "2026-02-24T14:00:00Z");
        TextField until = field(model.until, Messages.get("db.until.prompt"));
        since.setAccessibleText(Messages.get("db.since.spoken"));
        CheckBox cascade = new CheckBox(Messages.get("db.cascade"));
        cascade.selectedProperty().bindBidirectional(model.cascade);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label(Messages.get("db.url"), url), url);
        form.addRow(1, label(Messages.get("db.tasks"), tasks), tasks);
        form.add(cascade, 1, 2);
        form.addRow(3, label(Messages.get("db.worker"), worker), worker);
        form.addRow(4, label(Messages.get("db.failed"), failed), failed);
        HBox range = new HBox(6, since, label(Messages.get("db.until"), until), until);
        HBox.setHgrow(since, Priority.ALWAYS);
        HBox.setHgrow(until, Priority.ALWAYS);
        form.addRow(5, label(Messages.get("db.range"), since), range);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Label hint = new Label(Messages.get("db.hint"));
        hint.getStyleClass().add("db-hint");
        form.add(hint, 1, 6);

        Button list = new Button(Messages.get("db.list"));
        list.setId("db-list");
        list.setDefaultButton(true);
        list.setOnAction(e -> model.list());
        Button fetch = new Button(Messages.get("db.fetch"));
        fetch.setId("db-fetch");
        fetch.setOnAction(e -> model.fetch());
        Button stop = new Button(Messages.get("db.stop"));
        stop.setOnAction(e -> model.cancel());
        list.disableProperty().bind(model.busy);
        fetch.disableProperty().bind(model.busy.or(Bindings.isEmpty(model.listed)));
        stop.visibleProperty().bind(model.busy);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress);
        bar.visibleProperty().bind(model.busy);
        bar.setPrefWidth(160);
        bar.setAccessibleText(Messages.get("db.progress"));
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
        CheckBox beside = new CheckBox(Messages.get("db.beside"));
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
        // The dialog opens in its first field, and Esc in the task list (which keeps Esc for its own
        // editing) still cancels the dialog.
        setOnShown(e -> url.requestFocus());
        Node list0 = content.getChildren().get(2);
        list0.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == javafx.scene.input.KeyCode.ESCAPE && list0 instanceof TableView<?> t && t.getEditingCell() == null) {
                k.consume();
                ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        setResultConverter(b -> b == OPEN && model.fetched.get() != null ? new Choice(model.fetched.get(), beside.isSelected()) : null);
    }

    /** A field's label, bound to it: a screen reader names the field by it, and Alt with its letter moves there. */
    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
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
        t.setPlaceholder(new Label(Messages.get("db.list.none")));
        t.setAccessibleText(Messages.get("db.list.spoken"));
        TableColumn<DatabaseDialogModel.Item, Boolean> chosen = new TableColumn<>("");
        chosen.setCellValueFactory(c -> c.getValue().chosen);
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        chosen.setEditable(true);
        chosen.setPrefWidth(32);
        t.getColumns().add(chosen);
        t.getColumns().add(column(Messages.get("db.column.task"), 90, r -> r.id().length() > 8 ? r.id().substring(0, 8) : r.id()));
        t.getColumns().add(column(Messages.get("db.column.relation"), 90, TaskRow::relation));
        t.getColumns().add(column(Messages.get("db.column.status"), 90, TaskRow::status));
        t.getColumns().add(column(Messages.get("db.column.type"), 140, TaskRow::taskType));
        t.getColumns().add(column(Messages.get("db.column.worker"), 200, TaskRow::workerId));
        t.getColumns().add(column(Messages.get("db.column.created"), 170, TaskRow::createdAt));
        t.getColumns().add(column(Messages.get("db.column.updated"), 170, TaskRow::updatedAt));
        t.getColumns().add(column(Messages.get("db.column.tries"), 45, TaskRow::attempts));
        t.getColumns().add(column(Messages.get("db.column.error"), 320, TaskRow::errorMessage));
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

    /** The password's question, not shown yet: OK (Enter) gives what was typed, Cancel (Esc) nothing. */
    public static Dialog<String> passwordDialog(Window owner, String user, String url, String why) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        faultline.ui.Theme.follow(d.getDialogPane(), owner);
        d.setTitle(Messages.get("password.title"));
        d.setHeaderText(why);
        javafx.scene.control.PasswordField pw = new javafx.scene.control.PasswordField();
        pw.setPromptText(Messages.format("password.prompt", user));
        Label label = new Label(Messages.format("password.label", url));
        label.setLabelFor(pw);
        d.getDialogPane().setContent(new VBox(6, label, pw));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? pw.getText() : null);
        Platform.runLater(pw::requestFocus);
        return d;
    }

    /** Asks for a password on the FX thread for a fetch running elsewhere; empty when the user declines. */
    public static DatabaseSource.PasswordPrompt prompt(Window owner) {
        return (spec, why) -> {
            java.util.concurrent.CompletableFuture<Optional<String>> answer = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> answer.complete(passwordDialog(owner, spec.user(), spec.url(), why).showAndWait().filter(pw -> !pw.isEmpty())));
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
