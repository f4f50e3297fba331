package faultline.ui.inspector;

import faultline.ui.Messages;

import faultline.analysis.ParamMatrix;
import faultline.model.Comparison;
import faultline.model.Crash;
import faultline.model.DurationText;
import faultline.model.EventStore;
import faultline.model.LoopParam;
import faultline.model.ParamStatus;
import faultline.model.ParamStep;
import faultline.model.Provenance;
import faultline.model.TaskAnalysis;
import faultline.model.TimeText;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.SelectionModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameter inspector: the parameter matrix of the compared tasks, filters, and the detail of
 * the selected parameter (provenance with source lines, step times, Δ to the crash).
 */
public final class InspectorViewModel {

    /** What one matrix cell shows and how it is styled. */
    public record Cell(String text, List<String> styleClasses, String tooltip) {
    }

    /**
     * A line of the detail pane; a line with a row leads to that log line when clicked.
     *
     * @param kind "title", "type", "origin", "step", "crash" or "note", for styling
     */
    public record DetailLine(String text, int row, String kind) {
    }

    private final Document document;
    private final SelectionModel selection;
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final ObjectProperty<ParamMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObservableList<ParamMatrix.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<ParamMatrix.Row> visible = new FilteredList<>(rows, r -> true);
    private final BooleanProperty onlyDiffering = new SimpleBooleanProperty(this, "onlyDiffering", false);
    private final BooleanProperty onlyReached = new SimpleBooleanProperty(this, "onlyReached", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<DetailLine> detailLines = FXCollections.observableArrayList();

    public InspectorViewModel(Document document, CompareModel compare, SelectionModel selection) {
        this.document = document;
        this.selection = selection;
        comparison.bind(compare.comparisonProperty());
        comparison.addListener((o, a, b) -> rebuild(b));
        onlyDiffering.addListener((o, a, b) -> refilter());
        onlyReached.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        selection.parameterProperty().addListener((o, a, b) -> updateDetail());
        selection.taskProperty().addListener((o, a, b) -> updateDetail());
        selection.rowProperty().addListener((o, a, b) -> followRow(b.intValue()));
        rebuild(comparison.get());
    }

    public ObservableList<ParamMatrix.Row> visibleRows() {
        return visible;
    }

    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    public BooleanProperty onlyDifferingProperty() {
        return onlyDiffering;
    }

    public BooleanProperty onlyReachedProperty() {
        return onlyReached;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<DetailLine> detailLines() {
        return detailLines;
    }

    /** A detail line was clicked: its log line becomes the selected event. */
    public void open(DetailLine line) {
        if (line != null && line.row() >= 0) {
            selection.rowProperty().set(line.row());
        }
    }

    /** The selected event is a step or a value line of a parameter: that parameter is selected. */
    private void followRow(int row) {
        Comparison c = comparison.get();
        if (c == null || row < 0) {
            return;
        }
        for (TaskAnalysis a : c.tasks()) {
            for (LoopParam p : a.loop().params()) {
                boolean hit = p.steps().stream().anyMatch(s -> s.event() == row)
                        || p.provenance().stream().anyMatch(pr -> pr.event() == row);
                if (hit) {
                    selection.parameterProperty().set(p.name());
                    return;
                }
            }
        }
    }

    public SelectionModel selection() {
        return selection;
    }

    private void rebuild(Comparison c) {
        ParamMatrix m = c == null ? null : ParamMatrix.of(c);
        matrix.set(m);
        rows.setAll(m == null ? List.of() : m.rows());
        refilter();
        updateDetail();
    }

    private void refilter() {
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(r -> (!onlyDiffering.get() || r.differs() || r.anyCrashPoint())
                && (!onlyReached.get() || r.anyReached())
                && (q.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(q)));
    }

    /** Column headers: the short id of each compared task. */
    public List<String> taskTitles() {
        Comparison c = comparison.get();
        List<String> out = new ArrayList<>();
        if (c != null) {
            for (TaskAnalysis a : c.tasks()) {
                out.add(a.task().shortId());
            }
        }
        return out;
    }

    /** The cell of a row for compared task i. */
    public static Cell cell(ParamMatrix.Row row, int i) {
        LoopParam p = row.cells().get(i);
        if (p == null) {
            return new Cell("", List.of("absent"), Messages.format("inspector.absent", row.name()));
        }
        List<String> classes = new ArrayList<>();
        String glyph;
        switch (p.status()) {
            case CRASH_POINT: glyph = "✗ "; classes.add("crash-point"); break;
            case COMPLETED: glyph = "✓ "; classes.add("completed"); break;
            case SKIPPED: glyph = "» "; classes.add("skipped"); break;
            case NOT_REACHED: glyph = "· "; classes.add("not-reached"); break;
            default: glyph = "… "; classes.add("incomplete"); break;
        }
        if (p.typeMismatch()) {
            classes.add("type-mismatch");
        }
        if (row.differs()) {
            classes.add("differs");
        }
        String type = p.loggedType().isEmpty() ? "" : " : " + p.loggedType() + (p.typeMismatch() ? " ⚠" : "");
        String text = glyph + ParamMatrix.valueText(p) + type;
        String tip = p.status().label() + (p.typeMismatch() ? Messages.format("inspector.mismatch.tip", p.loggedType(), p.value().text(), p.value().type()) : "");
        return new Cell(text, List.copyOf(classes), tip);
    }

    private void updateDetail() {
        Comparison c = comparison.get();
        String name = selection.parameterProperty().get();
        List<DetailLine> lines = new ArrayList<>();
        if (c == null || name == null) {
            detailLines.setAll(new DetailLine(c == null ? "" : Messages.get("inspector.select"), -1, "note"));
            return;
        }
        EventStore store = document.taskSet().store();
        for (TaskAnalysis a : c.tasks()) {
            LoopParam p = a.loop().param(name);
            if (p == null) {
                lines.add(new DetailLine(Messages.format("inspector.not-in-loop", a.task().shortId(), name), -1, "title"));
                continue;
            }
            lines.add(new DetailLine(Messages.format("inspector.title", a.task().shortId(), name, String.valueOf(p.index()), String.valueOf(p.total()),
                    p.status().label()), -1, "title"));
            if (!p.loggedType().isEmpty()) {
                String t = "  " + Messages.format("inspector.logged-type", p.loggedType());
                if (p.typeMismatch()) {
                    t += "  " + Messages.format("inspector.mismatch", p.value().text(), p.value().type());
                }
                lines.add(new DetailLine(t, p.first() == null ? -1 : p.first().event(), p.typeMismatch() ? "mismatch" : "type"));
            }
            for (Provenance pr : p.provenance()) {
                lines.add(new DetailLine("  " + pr.origin().label() + ": " + pr.value().text() + "  — " + pr.where()
                        + (pr.event() >= 0 ? "  [" + sourceOf(pr.event()) + "]" : ""), pr.event(), "origin"));
            }
            Crash crash = a.crash();
            long crashAt = crash != null && crash.lastEvidence() >= 0 ? store.nanos(crash.lastEvidence()) : Long.MIN_VALUE;
            for (ParamStep st : p.steps()) {
                lines.add(new DetailLine("  " + TimeText.clock(st.nanos(), st.precision()) + "  " + st.kind().label()
                        + (crashAt != Long.MIN_VALUE ? "  (" + DurationText.relative(st.nanos() - crashAt) + ")" : ""), st.event(), "step"));
            }
            if (p.status() == ParamStatus.CRASH_POINT && crash != null && crash.expectedNext() != null) {
                lines.add(new DetailLine("  " + Messages.format("inspector.crash", crash.lastStep().label(), crash.expectedNext().label()),
                        crash.firstSignal(), "crash"));
            }
        }
        detailLines.setAll(lines);
    }

    private String sourceOf(int row) {
        var set = document.taskSet();
        EventStore store = set.store();
        int s = store.source(row);
        String file = s < set.sources().size() ? set.sources().get(s).name() : "?";
        return file + ":" + store.line(row);
    }
}
