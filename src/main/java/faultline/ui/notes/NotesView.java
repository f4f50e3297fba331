package faultline.ui.notes;

import faultline.model.Note;
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

    public NotesView(NotesViewModel vm) {
        getStyleClass().add("notes-view");
        getStylesheets().add(NotesView.class.getResource("notes.css").toExternalForm());
        list.setId("notes-list");
        list.setItems(vm.notes());
        list.setPlaceholder(new Label(faultline.ui.Messages.get("notes.none")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Note n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : vm.label(n));
            }
        });
        list.setOnMouseClicked(e -> {
            Note n = selected();
            if (e.getClickCount() == 2 && n != null) {
                vm.show(n);
            }
        });
        Button edit = new Button(faultline.ui.Messages.get("notes.edit"));
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            Note n = selected();
            NoteDialog.create(getScene() == null ? null : getScene().getWindow(), faultline.ui.Messages.get("notes.edit.title"), n.text())
                    .showAndWait().ifPresent(t -> vm.edit(n, t));
        });
        Button delete = new Button(faultline.ui.Messages.get("notes.delete"));
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> vm.delete(selected()));
        Button show = new Button(faultline.ui.Messages.get("notes.show"));
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> vm.show(selected()));
        HBox buttons = new HBox(6, show, edit, delete);
        buttons.getStyleClass().add("notes-buttons");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(list, buttons);
    }

    private Note selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    public ListView<Note> list() {
        return list;
    }
}
