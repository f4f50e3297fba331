package faultline.render;

/**
 * Every colour the timeline uses. The window reads each from CSS (property {@link #cssProperty()} on
 * the timeline, fed by looked-up colours on .root), so that a theme is one stylesheet; headless
 * export uses the light defaults.
 */
public enum StyleKey {
    BACKGROUND("#ffffff"), LANE_BACKGROUND("#f6f7f9"), LANE_ALT_BACKGROUND("#eef0f4"), GRID("#dde1e8"),
    AXIS_TEXT("#3b4250"), TEXT("#1f2430"), MUTED_TEXT("#4b5563"), TITLE("#111827"),
    PHASE_QUEUED("#c7d2fe"), PHASE_WAITING("#e5e7eb"), PHASE_GENERATION("#bfdbfe"), PHASE_MODEL_LOADING("#fde68a"),
    PHASE_LORA_DOWNLOAD("#a7f3d0"), PHASE_PARAMETER_RESOLUTION("#ddd6fe"), PHASE_SAMPLING("#93c5fd"),
    PHASE_STATUS_UPDATE("#fbcfe8"), PHASE_CASCADE("#fecaca"),
    LEVEL_PRINT("#9ca3af"), LEVEL_DEBUG("#64748b"), LEVEL_INFO("#2563eb"), LEVEL_WARNING("#d97706"),
    LEVEL_ERROR("#dc2626"), LEVEL_CRITICAL("#7f1d1d"),
    STEP("#7c3aed"), STEP_COMPLETED("#047857"), CRASH("#b91c1c"), EVIDENCE_GAP("#fca5a5"),
    UNCERTAINTY("#f59e0b"), SELECTION("#0ea5e9"), CURSOR("#0f172a"), ANCHOR("#111827"),
    NOTE("#92400e"), NOTE_BACKGROUND("#fffbeb");

    private final String light;

    StyleKey(String light) {
        this.light = light;
    }

    public String lightDefault() {
        return light;
    }

    /** -fl-timeline-phase-queued … */
    public String cssProperty() {
        return "-fl-timeline-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
