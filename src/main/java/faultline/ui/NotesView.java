package faultline.ui;

import faultline.model.Note;
import faultline.model.Task;
import faultline.model.TimeText;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The notes, in time order: double-click shows one on the timeline; edit and delete from here too. */
public final class NotesView extends VBox {
    private final ListView<Note> list = new ListView<>();

    public NotesView(MainViewModel main, TimelineViewModel timeline) {
        getStyleClass().add("notes-view");
        list.setId("notes-list");
        list.setItems(new SortedList<>(main.notes(), (a, b) -> Long.compare(a.start(), b.start())));
        list.setPlaceholder(new Label("No notes yet. Press N on the timeline, or Ctrl+drag over a range."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Note n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                    setText(null);
                    return;
                }
                String lane = main.taskSetProperty().get().find(n.taskId()).map(Task::shortId).orElse(n.taskId());
                String when = TimeText.clock(n.start(), 6) + (n.isRange() ? " – " + TimeText.clock(n.end(), 6) : "");
                setText(lane + " · " + when + "\n" + n.text());
            }
        });
        list.setOnMouseClicked(e -> {
            Note n = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && n != null) {
                timeline.revealNote(n.id());
            }
        });
        Button edit = new Button("Edit…");
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            Note n = list.getSelectionModel().getSelectedItem();
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(n.text());
            d.setTitle("Edit the note");
            d.setHeaderText("Edit the note");
            d.showAndWait().filter(t -> !t.isBlank()).ifPresent(t -> main.updateNote(n.withText(t.strip())));
        });
        Button delete = new Button("Delete");
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> main.removeNote(list.getSelectionModel().getSelectedItem().id()));
        Button show = new Button("Show");
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> timeline.revealNote(list.getSelectionModel().getSelectedItem().id()));
        HBox buttons = new HBox(6, show, edit, delete);
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(4);
        setStyle("-fx-padding: 4;");
        getChildren().addAll(list, buttons);
    }

    ListView<Note> list() {
        return list;
    }
}
