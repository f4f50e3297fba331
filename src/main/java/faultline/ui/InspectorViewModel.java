package faultline.ui;

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

    private final MainViewModel main;
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final ObjectProperty<ParamMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObservableList<ParamMatrix.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<ParamMatrix.Row> visible = new FilteredList<>(rows, r -> true);
    private final BooleanProperty onlyDiffering = new SimpleBooleanProperty(this, "onlyDiffering", false);
    private final BooleanProperty onlyReached = new SimpleBooleanProperty(this, "onlyReached", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");

    public InspectorViewModel(MainViewModel main) {
        this.main = main;
        comparison.bind(main.comparisonProperty());
        comparison.addListener((o, a, b) -> rebuild(b));
        onlyDiffering.addListener((o, a, b) -> refilter());
        onlyReached.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        main.selection().parameterProperty().addListener((o, a, b) -> updateDetail());
        main.selection().taskProperty().addListener((o, a, b) -> updateDetail());
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

    public StringProperty detailProperty() {
        return detail;
    }

    public SelectionModel selection() {
        return main.selection();
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
            return new Cell("", List.of("absent"), "this task's loop does not list " + row.name());
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
        String tip = p.status().label() + (p.typeMismatch() ? " — logged type " + p.loggedType() + " does not fit "
                + p.value().text() + " (" + p.value().type() + ")" : "");
        return new Cell(text, List.copyOf(classes), tip);
    }

    private void updateDetail() {
        Comparison c = comparison.get();
        String name = main.selection().parameterProperty().get();
        if (c == null || name == null) {
            detail.set(c == null ? "" : "Select a parameter to see where its value came from.");
            return;
        }
        EventStore store = main.taskSetProperty().get().store();
        StringBuilder sb = new StringBuilder();
        for (TaskAnalysis a : c.tasks()) {
            LoopParam p = a.loop().param(name);
            sb.append(a.task().shortId()).append(" — ").append(name);
            if (p == null) {
                sb.append(": not in this task's loop\n\n");
                continue;
            }
            sb.append(" (LOOP [").append(p.index()).append('/').append(p.total()).append("], ").append(p.status().label()).append(")\n");
            if (!p.loggedType().isEmpty()) {
                sb.append("  logged value_type=").append(p.loggedType());
                if (p.typeMismatch()) {
                    sb.append("  ⚠ does not fit the value ").append(p.value().text()).append(" (").append(p.value().type()).append(')');
                }
                sb.append('\n');
            }
            for (Provenance pr : p.provenance()) {
                sb.append("  ").append(pr.origin().label()).append(": ").append(pr.value().text()).append("  — ").append(pr.where());
                if (pr.event() >= 0) {
                    sb.append(" (").append(sourceOf(pr.event())).append(')');
                }
                sb.append('\n');
            }
            Crash crash = a.crash();
            long crashAt = crash != null && crash.lastEvidence() >= 0 ? store.nanos(crash.lastEvidence()) : Long.MIN_VALUE;
            for (ParamStep s : p.steps()) {
                sb.append("  ").append(TimeText.clock(s.nanos(), s.precision())).append("  ").append(s.kind().label());
                if (crashAt != Long.MIN_VALUE) {
                    sb.append("  (").append(DurationText.relative(s.nanos() - crashAt)).append(')');
                }
                sb.append('\n');
            }
            if (p.status() == ParamStatus.CRASH_POINT && crash != null && crash.expectedNext() != null) {
                sb.append("  ✗ crash after '").append(crash.lastStep().label()).append("', before '")
                        .append(crash.expectedNext().label()).append("'\n");
            }
            sb.append('\n');
        }
        detail.set(sb.toString().stripTrailing());
    }

    private String sourceOf(int row) {
        var set = main.taskSetProperty().get();
        EventStore store = set.store();
        int s = store.source(row);
        String file = s < set.sources().size() ? set.sources().get(s).name() : "?";
        return file + ":" + store.line(row);
    }
}
