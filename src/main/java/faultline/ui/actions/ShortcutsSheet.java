package faultline.ui.actions;

import faultline.ui.Theme;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Help ▸ Keyboard Shortcuts (and ?): every key of the window, made from the same commands the menus use. */
public final class ShortcutsSheet {
    /** One line of the sheet. */
    public record Line(Command.Group group, String keys, String name, String what) {
    }

    private ShortcutsSheet() {
    }

    /** The sheet's lines, group by group, for every command that has a key. */
    public static List<Line> lines(Commands commands) {
        List<Line> out = new ArrayList<>();
        for (Command.Group g : Command.Group.values()) {
            for (Command c : commands.all()) {
                if (c.group == g && !c.keys.isEmpty()) {
                    String keys = c.keys.stream().map(Command.Keys::text).distinct().collect(Collectors.joining("  "));
                    out.add(new Line(g, keys, commands.action(c).getText(), c.longText));
                }
            }
        }
        return out;
    }

    public static void show(Window owner, Commands commands) {
        create(owner, commands).show();
    }

    /** The sheet, not shown yet; it stays open beside the window until Close, Enter or Esc. */
    public static Dialog<Void> create(Window owner, Commands commands) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        grid.setId("shortcuts-grid");
        int row = 0;
        Command.Group group = null;
        for (Line l : lines(commands)) {
            if (l.group() != group) {
                group = l.group();
                Label title = new Label(group.title);
                title.getStyleClass().add("shortcut-group");
                grid.add(title, 0, row++, 3, 1);
            }
            Label keys = new Label(l.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the keys are never cut; the sentence wraps
            Label name = new Label(l.name());
            name.getStyleClass().add("shortcut-name");
            name.setMnemonicParsing(false);
            Label what = new Label(l.what());
            what.getStyleClass().add("shortcut-what");
            grid.addRow(row++, keys, name, what);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // The grid has no size before it is styled: the sheet takes most of the window's height instead.
        double room = owner == null || Double.isNaN(owner.getHeight()) ? 640 : owner.getHeight() - 240;
        scroll.setPrefViewportHeight(Math.max(280, Math.min(640, room)));
        scroll.setPrefViewportWidth(900);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(faultline.ui.Messages.get("shortcuts.title"));
        d.setHeaderText(faultline.ui.Messages.get("shortcuts.header"));
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        faultline.ui.DialogKeys.enterCloses(d.getDialogPane());
        d.getDialogPane().getStyleClass().add("shortcuts-sheet");
        d.getDialogPane().getStylesheets().add(ShortcutsSheet.class.getResource("shortcuts.css").toExternalForm());
        Theme.follow(d.getDialogPane(), owner);
        d.setResizable(true);
        return d;
    }
}
