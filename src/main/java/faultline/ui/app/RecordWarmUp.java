package faultline.ui.app;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the generated {@code equals} and {@code hashCode} of the records the window compares when a set is
 * published, on a thread of its own while the window starts. A record's methods are bound at their first call
 * (each builds its method handles, some generating classes): on the FX thread that was 4–9 ms a record on two
 * slow cores, some 35 ms of the pulses that show a newly opened log. An instance of each is made from empty
 * values, compared with itself and hashed; a record that cannot be made so is passed over.
 */
final class RecordWarmUp {
    /** The records whose methods the FX thread first calls when a set is shown. */
    static final List<String> RECORDS = List.of(
            "faultline.model.Task",
            "faultline.model.Comparison",
            "faultline.analysis.ParamMatrix$Row",
            "faultline.render.Rgba",
            "faultline.render.Viewport",
            "faultline.ui.tasks.TaskListOrder",
            "faultline.ui.opening.WorkspaceModel$State",
            "faultline.ui.CompareModel$Shown",
            "faultline.render.TimelineScene",
            "faultline.ui.timeline.TimelineViewModel$View",
            "faultline.ui.tasks.TaskTree",
            "faultline.ui.tasks.TaskTree$View",
            "faultline.workspace.Workspace$ViewState",
            "faultline.ui.inspector.InspectorViewModel$DetailLine");

    private RecordWarmUp() {
    }

    /** Starts the warm-up on a daemon thread. */
    static void start() {
        Thread t = new Thread(RecordWarmUp::warmAll, "faultline-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** @return how many of {@link #RECORDS} were made and linked */
    static int warmAll() {
        int warmed = 0;
        for (String name : RECORDS) {
            try {
                Object r = instance(Class.forName(name, false, RecordWarmUp.class.getClassLoader()), 0);
                if (r != null && r.equals(r) && r.hashCode() == r.hashCode()) {
                    warmed++;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Nothing is lost: the record's methods are linked at their first call instead.
            }
        }
        return warmed;
    }

    private static Object instance(Class<?> type, int depth) throws ReflectiveOperationException {
        if (!type.isRecord() || depth > 3) {
            return null;
        }
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = empty(types[i], depth);
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
    }

    private static Object empty(Class<?> t, int depth) throws ReflectiveOperationException {
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t.isPrimitive()) {
            return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(t, 1), 0);
        }
        if (t == String.class) {
            return "";
        }
        if (t == List.class || t == java.util.Collection.class) {
            return List.of();
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t == Set.class) {
            return Set.of();
        }
        if (t.isArray()) {
            return java.lang.reflect.Array.newInstance(t.getComponentType(), 0);
        }
        if (t.isEnum()) {
            Object[] values = t.getEnumConstants();
            return values.length == 0 ? null : values[0];
        }
        return t.isRecord() ? instance(t, depth + 1) : null;
    }
}
