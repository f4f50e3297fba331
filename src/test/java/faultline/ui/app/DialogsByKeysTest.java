package faultline.ui.app;

import faultline.importer.ImportOptions;
import faultline.ui.about.AboutDialog;
import faultline.ui.actions.ShortcutsSheet;
import faultline.ui.background.ManualJobs;
import faultline.ui.database.DatabaseDialog;
import faultline.ui.export.ExportDialog;
import faultline.ui.notes.NoteDialog;
import faultline.ui.sources.ParseReportDialog;
import faultline.ui.sources.SourceOptionsDialog;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dialog of the window, opened over the bundled sample and walked as a keyboard and screen-reader
 * user meets it: each control has words a screen reader can say (its own, its accessible text or its
 * bound label), Tab visits every field in reading order, Esc cancels and Enter completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialogsByKeysTest {
    private App app;
    private Stage owner;

    /**
     * One dialog: how to make it, where Enter is pressed to complete it (null: where the focus is
     * when it opens), and what it gives back when completed (null: it only closes).
     */
    private record Case(String name, Supplier<Dialog<?>> make, String enterFrom, Predicate<Object> completed) {
    }

    @BeforeAll
    void start() throws Exception {
        app = TestWindow.sample();
        owner = app.stage();
    }

    @AfterAll
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    private List<Case> cases() throws Exception {
        Path target = TestWindow.tempDir("export").resolve("picture.png");
        List<Path> files = List.copyOf(app.viewModel().document().files());
        var report = app.viewModel().document().taskSet().report();
        return List.of(
                new Case("Sources", () -> SourceOptionsDialog.create(owner, files, report, ImportOptions.defaults()), "source-offset",
                        r -> r instanceof ImportOptions o && o.of(files.get(0)).offsetNanos() == 0),
                new Case("Export", () -> ExportDialog.create(owner, "two failures", target, p -> null), "export-caption",
                        r -> r instanceof ExportDialog.Chosen c && c.target().equals(target) && c.choice().title().equals("two failures")),
                new Case("Open Database", () -> new DatabaseDialog(owner, ManualJobs.held(), "", false, (s, why) -> java.util.Optional.empty()),
                        "db-url", null),
                new Case("Password", () -> DatabaseDialog.passwordDialog(owner, "faultline", "postgresql://db/fleet", "The server asks for a password"),
                        "password", r -> "".equals(r)),
                new Case("Note", () -> NoteDialog.create(owner, "Add a note", "sampler warm-up"), "note-text", "sampler warm-up"::equals),
                new Case("About", () -> AboutDialog.create(owner), null, null),
                new Case("Parse report", () -> ParseReportDialog.create(owner, report), null, null),
                new Case("Keyboard shortcuts", () -> ShortcutsSheet.create(owner, app.view().commands()), null, null),
                new Case("Unexpected problem", () -> UnexpectedProblem.alert(owner, new IllegalStateException("a lane without events")), null, null));
    }

    @Test
    void everyDialogIsNamedForAScreenReaderWalkedByTabCancelledByEscAndCompletedByEnter() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Case c : cases()) {
            // Esc cancels.
            Dialog<?> d = open(c);
            fx(() -> problems.addAll(unnamed(c.name(), d.getDialogPane().getScene().getRoot())));
            problems.addAll(tabOrder(c.name(), d));
            press(d, focusOwner(d), KeyCode.ESCAPE);
            if (d.isShowing()) {
                problems.add(c.name() + ": Esc does not close it (focus on " + describe(focusOwner(d)) + ")");
                fx(d::close);
            } else if (c.completed() != null && d.getResult() != null) {
                problems.add(c.name() + ": Esc gave a result: " + d.getResult());
            }
            // Enter completes (or, in Open Database, lists the query's tasks: the rows come from a server).
            Dialog<?> e = open(c);
            Node from = c.enterFrom() == null ? focusOwner(e) : e.getDialogPane().lookup("#" + c.enterFrom());
            assertNotNull(from, c.name() + ": #" + c.enterFrom());
            fx(from::requestFocus);
            press(e, from, KeyCode.ENTER);
            if (c.name().equals("Open Database")) {
                AtomicReference<String> said = new AtomicReference<>();
                fx(() -> said.set(((Label) e.getDialogPane().lookup("#db-message")).getText()));
                if (!e.isShowing() || said.get() == null || said.get().isBlank()) {
                    problems.add(c.name() + ": Enter does not list the tasks");
                }
                fx(e::close);
            } else if (e.isShowing()) {
                problems.add(c.name() + ": Enter does not complete it");
                fx(e::close);
            } else if (c.completed() != null && !c.completed().test(e.getResult())) {
                problems.add(c.name() + ": Enter gave " + e.getResult());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Runs on the FX thread and returns when it has run (without waiting for further pulses, as the robot would). */
    private static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(r));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private Dialog<?> open(Case c) {
        AtomicReference<Dialog<?>> d = new AtomicReference<>();
        fx(() -> {
            d.set(c.make().get());
            if (c.name().equals("Password")) {
                d.get().getDialogPane().lookup(".password-field").setId("password");
            }
            d.get().show();
        });
        assertTrue(d.get().isShowing(), c.name() + " opens");
        return d.get();
    }

    private Node focusOwner(Dialog<?> d) {
        AtomicReference<Node> n = new AtomicReference<>();
        fx(() -> n.set(d.getDialogPane().getScene().getFocusOwner()));
        return n.get() != null ? n.get() : d.getDialogPane();
    }

    /** A key pressed and released where the focus is, as the keyboard delivers it. */
    private void press(Dialog<?> d, Node at, KeyCode key) {
        fx(() -> {
            Scene s = d.getDialogPane().getScene();
            Node target = s.getFocusOwner() != null ? s.getFocusOwner() : at;
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            if (d.isShowing()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false, false, false, false));
            }
        });
    }

    /** Tab from where the focus starts until it comes round again: every field is met, in reading order. */
    private List<String> tabOrder(String name, Dialog<?> d) {
        List<String> out = new ArrayList<>();
        fx(() -> {
            Scene scene = d.getDialogPane().getScene();
            List<Node> fields = new ArrayList<>();
            traversable(d.getDialogPane(), fields);
            List<Node> met = new ArrayList<>();
            Node first = scene.getFocusOwner();
            met.add(first);
            for (int i = 0; i < fields.size() + 12; i++) {
                Event.fireEvent(scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
                Node now = scene.getFocusOwner();
                if (now == first) {
                    break;
                }
                if (!met.contains(now)) {
                    met.add(now);
                }
            }
            for (Node f : fields) {
                if (met.stream().noneMatch(m -> m == f || isInside(m, f))) {
                    out.add(name + ": Tab never reaches " + describe(f));
                }
            }
            // In reading order: top to bottom, and left to right along a row, the buttons last.
            Node bar = d.getDialogPane().lookup(".button-bar");
            List<Node> content = met.stream().filter(n -> n != null && !isInside(n, bar)).toList();
            if (content.isEmpty()) {
                return;
            }
            Node top = content.stream().min((a, b) -> Double.compare(order(a), order(b))).orElseThrow();
            int start = content.indexOf(top);
            for (int i = 1; i < content.size(); i++) {
                Node a = content.get((start + i - 1) % content.size());
                Node b = content.get((start + i) % content.size());
                if (order(b) < order(a)) {
                    out.add(name + ": Tab goes back from " + describe(a) + " to " + describe(b));
                }
            }
            if (first != null && !isInside(first, bar) && first != top) {
                out.add(name + ": the focus starts at " + describe(first) + ", not at the first field " + describe(top));
            }
        });
        return out;
    }

    /** Where a node is in reading order: its row (by its middle, to the nearest 8 px), then its left edge. */
    private static double order(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return Math.round(b.getCenterY() / 8) * 100_000.0 + b.getMinX();
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void traversable(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (field(n)) {
            if (n.isFocusTraversable() || n instanceof Spinner<?> || n instanceof ComboBoxBase<?> c && c.isEditable()) {
                out.add(n);
            }
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                traversable(c, out);
            }
        }
    }

    private static boolean field(Node n) {
        return n instanceof TextInputControl || n instanceof ChoiceBox<?> || n instanceof ComboBoxBase<?> || n instanceof Spinner<?>
                || n instanceof Slider || n instanceof TableView<?> || n instanceof ListView<?>;
    }

    /** Controls a screen reader could not name: no words of their own, no accessible text, no label bound to them. */
    private static List<String> unnamed(String name, Parent root) {
        Set<Node> labelled = new HashSet<>();
        List<Node> controls = new ArrayList<>();
        collect(root, labelled, controls);
        List<String> out = new ArrayList<>();
        for (Node n : controls) {
            String accessible = n.getAccessibleText();
            boolean spoken = accessible != null && !accessible.isBlank();
            boolean words = n instanceof Labeled l && l.getText() != null && l.getText().codePoints().anyMatch(Character::isLetterOrDigit);
            boolean label = labelled.contains(n) || (n.getParent() != null && labelled.contains(n.getParent()));
            if (field(n) ? !spoken && !label : !spoken && !words) {
                out.add(name + ": " + describe(n) + " has no name for a screen reader");
            }
        }
        return out;
    }

    private static void collect(Node n, Set<Node> labelled, List<Node> controls) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Label l && l.getLabelFor() != null) {
            labelled.add(l.getLabelFor());
        }
        if (field(n) || n instanceof ButtonBase || n instanceof Canvas) {
            controls.add(n);
            if (field(n)) {
                return; // a field's own parts (an editor, a header) are the field's
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, labelled, controls);
            }
        }
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : n instanceof TextInputControl t ? " [" + t.getText() + "]" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    @Test
    void aDialogsFieldsCarryTheLabelsTheyAreKnownBy() {
        AtomicReference<Dialog<?>> d = new AtomicReference<>();
        fx(() -> d.set(ExportDialog.create(owner, "t", Path.of("x.png"), p -> null)));
        Node file = d.get().getDialogPane().lookup("#export-file");
        List<Node> labels = new ArrayList<>();
        collectLabels(d.get().getDialogPane(), labels);
        assertTrue(labels.stream().anyMatch(l -> ((Label) l).getLabelFor() == file && ((Label) l).getText().replace("_", "").equals("File")),
                "the file field is labelled File");
        assertEquals(6, labels.size(), "what, title, width, scale, format and file each have theirs");
    }

    private static void collectLabels(Node n, List<Node> out) {
        if (n instanceof Label l && l.getLabelFor() != null) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectLabels(c, out);
            }
        }
    }
}
