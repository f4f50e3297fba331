#!/usr/bin/env python3
"""Writes the bundled sample: one GPU worker's console and the system_logs rows (debug tool --json shape)
of the minutes around the two failures that the comparison digest describes.

The story: worker gpu-20260224_140402-5c1e7a9d starts at 14:10, claims segment 0 of run A (e040ae48),
loads the model for 248 s, and fails inside the parameter-resolution loop at LOOP [26/32]. It then
processes run B's orchestrator, completes segments 0 and 1, and fails segment 2 (78cd8678) at
LOOP [9/32]. The worker runs with --debug, so DEBUG rows reach the database; CRITICAL rows did not
(before the fix of 2026-02-24), so the tracebacks exist only in the console.

Run: python3 src/sample/make_sample.py  (writes into src/main/resources/faultline/sample/)
"""
import datetime as dt
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "faultline", "sample")
rnd = random.Random(20260224)

WORKER = "gpu-20260224_140402-5c1e7a9d"
OTHER_WORKER = "gpu-20260224_135512-a8d0b6e4"
PROJECT = "2b7e4c19-6a3d-4f8e-9b12-5c0d7e3a8f64"
HOST = "https://qrkvzmtxdblp.supabase.co"
MODEL = "lightning_baseline_2_2_2"

ORCH_A = "5a0e3c71-2f4b-4d8e-9c61-7b2d8e4f1a90"
PREV = "e040ae48-4fa8-4af6-8a57-028277e54ba9"
SEG1_A = "71c4b0e2-8d3f-4a6b-9e05-6f1a2b7c8d49"
STITCH_A = "0f8e2d6a-5b1c-4e93-a7d8-9c3b4e5f6a10"
ORCH_B = "c2d9f4a6-1e7b-4c3a-9d52-8f0a6b3e7c14"
SEG0_B = "9b1e5d2c-7a44-4f0e-8b19-3c6d2e8f5a01"
SEG1_B = "d47a0f83-2c5e-4b91-a7d6-5e8f9c0b1d23"
CUR = "78cd8678-9fa3-4d06-a081-dd8fc90ff35f"
STITCH_B = "e6a3b1f9-4d27-4e8c-b5f0-2a9c7d1e6b38"
RUN_A = "20260224140551207"
RUN_B = "20260224142309512"

# The 32 model defaults of lightning_baseline_2_2_2, in wgp's order: (name, default as Python prints it).
MODEL_DEFAULTS = [
    ("prompt", "''"), ("negative_prompt", "''"), ("resolution", "'832x480'"), ("video_length", "81"),
    ("num_inference_steps", "25"), ("seed", "-1"), ("flow_shift", "5.0"), ("multi_images_gen_type", "0"),
    ("guidance_scale", "7.5"), ("guidance2_scale", "3.5"), ("guidance3_scale", "3.5"),
    ("switch_threshold", "875"), ("switch_threshold2", "0"), ("model_switch_phase", "1"),
    ("audio_guidance_scale", "4.0"), ("embedded_guidance_scale", "6.0"), ("sample_solver", "'unipc'"),
    ("repeat_generation", "1"), ("multi_prompts_gen_type", "0"), ("skip_steps_cache_type", "None"),
    ("skip_steps_multiplier", "1.5"), ("skip_steps_start_step_perc", "20"), ("activated_loras", "[]"),
    ("loras_multipliers", "''"), ("color_correction_strength", "0"), ("guidance_phases", "2"),
    ("sliding_window_size", "81"), ("sliding_window_overlap", "5"),
    ("sliding_window_discard_last_frames", "0"), ("remove_background_images_ref", "1"),
    ("film_grain_intensity", "0"), ("NAG_scale", "1"),
]
assert len(MODEL_DEFAULTS) == 32
EXCLUDED = {"prompt", "negative_prompt"}
# The worker logs value_type for these, computed from the task's value when the task has one.
TYPED = {"num_inference_steps", "flow_shift", "guidance_scale", "guidance2_scale", "guidance3_scale",
         "audio_guidance_scale", "embedded_guidance_scale", "guidance_phases"}


def task_params(seed, prompt):
    return {"prompt": prompt, "negative_prompt": "blurry, watermark, text", "resolution": "896x512",
            "video_length": 73, "seed": seed, "num_inference_steps": 6, "guidance_scale": 1,
            "model_name": MODEL, "lora_names": ["high_noise_lightx2v", "low_noise_lightx2v", "detail_enhancer"]}


def py_type(literal):
    if literal in ("None",):
        return "NoneType"
    if literal.startswith("'"):
        return "str"
    if literal.startswith("["):
        return "list"
    if "." in literal:
        return "float"
    return "int"


def py_repr(v):
    if isinstance(v, str):
        return repr(v)
    return str(v)


class Clock:
    def __init__(self, start):
        self.t = start

    def at(self, t):
        self.t = t
        return self.t

    def step(self, micros_lo, micros_hi=None):
        self.t += dt.timedelta(microseconds=micros_lo if micros_hi is None else rnd.randint(micros_lo, micros_hi))
        return self.t


def T(h, m, s, us=0):
    return dt.datetime(2026, 2, 24, h, m, s, us)


console = []   # (time, text)
rows = {}      # task id -> list of system_logs rows
orphan_rows = []
row_seq = [0]

LEVEL_GLYPH = {"INFO": "INFO", "DEBUG": "DEBUG", "OK": "✅", "WARNING": "⚠️", "ERROR": "❌", "CRITICAL": "🔴 CRITICAL"}
DB_LEVEL = {"INFO": "INFO", "DEBUG": "DEBUG", "OK": "INFO", "WARNING": "WARNING", "ERROR": "ERROR", "CRITICAL": "CRITICAL"}


def db_ts(t, digits=6):
    frac = f"{t.microsecond:06d}"[:digits].rstrip("0")
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{base}.{frac}+00:00" if frac else f"{base}+00:00"


def new_id():
    row_seq[0] += 1
    r = rnd.getrandbits(128)
    h = f"{r:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def add_row(task, t, level, source_type, source_id, message, worker=None, metadata=None, digits=6, cycle=None):
    row = {"id": new_id(), "timestamp": db_ts(t, digits), "source_type": source_type, "source_id": source_id,
           "log_level": level, "message": message, "task_id": task, "worker_id": worker,
           "cycle_number": cycle, "metadata": metadata or {}}
    (rows.setdefault(task, []) if task else orphan_rows).append((t, row))


def w(t, level, component, msg, task=None, db=True, con=True, short=False, meta=None):
    """A worker log call: a console line and (if shipped) a system_logs row."""
    if con:
        tag = ""
        if task:
            tag = f" [Task {task[:8] if short else task}]"
        console.append((t, f"[{t:%H:%M:%S}] {LEVEL_GLYPH[level]} {component}{tag} {msg}"))
    if db and level != "CRITICAL":   # critical() rows were not shipped before the fix of 2026-02-24
        add_row(task, t, DB_LEVEL[level], "worker", WORKER, f"{component}: {msg}", worker=WORKER, metadata=meta)


def pylog(t, level, logger, msg):
    console.append((t, f"{t:%Y-%m-%d %H:%M:%S},{t.microsecond // 1000:03d} [{level}] {logger}: {msg}"))


def raw(t, text):
    console.append((t, text))


def edge(t, function, task, message, level="INFO", meta=None):
    add_row(task, t, level, "edge_function", function, message, metadata=meta, digits=3)


def heartbeats(start, end, first_no, every=30):
    n = first_no
    t = start
    while t < end:
        pylog(t, "INFO", "httpx", f'HTTP Request: PATCH {HOST}/rest/v1/workers?id=eq.{WORKER} "HTTP/2 200 OK"')
        w(t + dt.timedelta(microseconds=2300), "OK", "HEADLESS", f"[HEARTBEAT] Worker {WORKER} active ({n} heartbeats sent)", db=False)
        n += 1
        t += dt.timedelta(seconds=every, microseconds=rnd.randint(0, 90000))
    return n


# ------------------------------------------------------------------------------------------ the loop
def param_loop(task, clk, stop_at=None, explicit=None, model_id="140233118442560", per_step=(180, 420)):
    """Writes the parameter-resolution loop. stop_at=(index, 'processing'|'getting') ends it there.
    explicit maps a loop index to a list of (time, level, text) rows that replace the generated ones."""
    explicit = explicit or {}
    keys = [n for n, _ in MODEL_DEFAULTS]
    params = TASK_PARAMS[task]
    w(clk.step(300, 600), "INFO", "HEADLESS", "phase_config overriding num_inference_steps: 6 (from steps_per_phase [2, 2, 2])", task)
    w(clk.step(300, 600), "INFO", "GENERATION",
      f"🔍 DIAGNOSTIC: model_defaults has 32 parameters | keys: {keys} | is type: <class 'dict'> | id: {model_id}", task)
    w(clk.step(200, 400), "INFO", "GENERATION", "🔍 DIAGNOSTIC: Created snapshot of 32 items for iteration", task)
    for i, (name, default) in enumerate(MODEL_DEFAULTS, start=1):
        if i in explicit:
            for t, level, text in explicit[i]:
                clk.at(t)
                w(t, level, "GENERATION", text, task)
            if stop_at and stop_at[0] == i:
                return False
            continue
        vt = ""
        if name in TYPED:
            vt = ", value_type=" + (type(params[name]).__name__ if name in params else py_type(default))
        w(clk.step(*per_step), "INFO", "GENERATION", f"🔍 LOOP [{i}/32]: Processing param='{name}'{vt}", task)
        if stop_at and stop_at[0] == i and stop_at[1] == "processing":
            return False
        if name in EXCLUDED:
            w(clk.step(*per_step), "INFO", "GENERATION", f"⏭️  LOOP [{i}]: Skipped '{name}' (excluded)", task)
            continue
        if default == "None":
            w(clk.step(*per_step), "INFO", "GENERATION", f"⏭️  LOOP [{i}]: Skipped '{name}' - model default is None (invalid)", task)
            continue
        w(clk.step(*per_step), "DEBUG", "GENERATION", f"🔍 LOOP [{i}]: Getting old value for '{name}'", task)
        if stop_at and stop_at[0] == i and stop_at[1] == "getting":
            return False
        w(clk.step(*per_step), "DEBUG", "GENERATION", f"🔍 LOOP [{i}]: Assigning new value for '{name}'", task)
        w(clk.step(*per_step), "DEBUG", "GENERATION", f"🔍 LOOP [{i}]: Logging change for '{name}'", task)
        w(clk.step(60, 140), "DEBUG", "GENERATION", f"{name}: NOT_SET → {default}", task)
        w(clk.step(*per_step), "DEBUG", "GENERATION", f"✅ LOOP [{i}]: Completed '{name}'", task)
    w(clk.step(300, 500), "INFO", "GENERATION", "✅ DIAGNOSTIC: Loop completed successfully, processed 32 items", task)
    w(clk.step(300, 500), "INFO", "HEADLESS", f"[PHASE_CONFIG] Patched wgp.models_def for model '{MODEL}': cleared built-in LoRAs, "
      "guidance_phases=3, flow_shift=7 (will also be re-applied in GenerationWorker after orchestrator init if needed)", task)
    for name in ("num_inference_steps", "guidance_scale", "seed", "video_length", "resolution"):
        default = dict(MODEL_DEFAULTS)[name]
        w(clk.step(150, 300), "INFO", "GENERATION", f"Task override {name}: {default} → {py_repr(params[name])}", task)
    w(clk.step(200, 400), "INFO", "GENERATION", f"FINAL resolved_params keys: {keys[2:] + ['lora_names']}", task)
    for name in ("num_inference_steps", "guidance_scale", "guidance_phases", "flow_shift", "seed"):
        val = py_repr(params[name]) if name in params else dict(MODEL_DEFAULTS)[name]
        if name == "flow_shift":
            val = "7"
        if name == "guidance_phases":
            val = "3"
        w(clk.step(100, 200), "INFO", "GENERATION", f"[FINAL_PARAMS] {name}: {val}", task)
    return True


TASK_PARAMS = {
    PREV: task_params(41877, "a lighthouse at dusk, waves crashing against the rocks"),
    SEG0_B: task_params(90210, "a paper boat drifting down a rain gutter"),
    SEG1_B: task_params(90211, "a paper boat drifting down a rain gutter"),
    CUR: task_params(90212, "a paper boat drifting down a rain gutter"),
}
for k, tp in TASK_PARAMS.items():
    tp["segment_index"] = {PREV: 0, SEG0_B: 0, SEG1_B: 1, CUR: 2}[k]
    tp["orchestrator_task_id_ref"] = ORCH_A if k == PREV else ORCH_B
    tp["run_id"] = RUN_A if k == PREV else RUN_B


def claim(task, t, segment_index, edge_ms=-180):
    edge(t + dt.timedelta(milliseconds=edge_ms), "claim-next-task", task, "Task claimed successfully",
         meta={"worker_id": WORKER, "task_type": "travel_segment"})
    pylog(t, "INFO", "httpx", f'HTTP Request: POST {HOST}/functions/v1/claim-next-task "HTTP/1.1 200 OK"')
    w(t + dt.timedelta(microseconds=4211), "INFO", "HEADLESS", f"[CLAIM] ✅ Claimed task {task} (type=travel_segment, segment_index={segment_index})", task)
    w(t + dt.timedelta(microseconds=6935), "INFO", "HEADLESS", f"Found task of type: travel_segment, Project ID: {PROJECT}", task)
    raw(t + dt.timedelta(microseconds=7001), f"[PROCESS_TASK_DEBUG] process_single_task called: task_type='travel_segment', task_id={task}")
    w(t + dt.timedelta(microseconds=9874), "INFO", "QUEUE", f"Task submitted: {task} (model: {MODEL}, priority: 0)", task)


def loras(task, clk, count, names):
    w(clk.step(3000, 6000), "INFO", "QUEUE", f"[LORA_PROCESS] Task {task}: {count} LoRAs need downloading", task)
    for n in names[:count]:
        w(clk.step(9000, 15000), "INFO", "QUEUE", f"[LORA_DOWNLOAD] Task {task}: Downloaded {n}.safetensors", task)


def status_update(task, t, status, old="In Progress", cascade_orch=None, cascaded=(), gap_ms=None):
    edge(t, "update-task-status", task, "Processing status update", meta={"status": status, "old_status": old})
    t2 = t + dt.timedelta(milliseconds=gap_ms if gap_ms is not None else rnd.randint(120, 260))
    edge(t2, "update-task-status", task, "Task status updated successfully", meta={"status": status})
    if cascade_orch:
        t3 = t2 + dt.timedelta(milliseconds=rnd.randint(40, 90))
        edge(t3, "update-task-status", task, "Processing cascading failure", meta={"failed_task_id": task})
        t4 = t3 + dt.timedelta(milliseconds=rnd.randint(30, 70))
        edge(t4, "update-task-status", task, "Found orchestrator task", meta={"orchestrator_task_id": cascade_orch})
        t5 = t4 + dt.timedelta(milliseconds=rnd.randint(80, 160))
        edge(t5, "update-task-status", task, "Cascade complete",
             meta={"orchestrator_task_id": cascade_orch, "cascaded_task_ids": list(cascaded)})
        for c in cascaded:
            edge(t5 + dt.timedelta(milliseconds=3), "update-task-status", c, f"Cascaded failed from related task {task}",
                 level="WARNING", meta={"status": "Failed", "related_task_id": task})
        return t5
    return t2


def traceback_lines(t, task, elapsed):
    w(t, "CRITICAL", "QUEUE", f"[TASK_ERROR] Task {task} hit UNEXPECTED exception after {elapsed}s: "
      "AttributeError: 'NoneType' object has no attribute 'get'", task)
    w(t, "CRITICAL", "QUEUE", "[TASK_ERROR] Full traceback:", task)
    for line in [
        "Traceback (most recent call last):",
        '  File "/workspace/Reigh-Worker/source/task_handlers/queue/generation_worker.py", line 214, in _process_task',
        "    result = self._execute_generation(task)",
        '  File "/workspace/Reigh-Worker/source/models/wgp/orchestrator.py", line 611, in generate',
        "    resolved_params = self._resolve_parameters(model_type, task.parameters)",
        '  File "/workspace/Reigh-Worker/source/models/wgp/orchestrator.py", line 338, in _resolve_parameters',
        "    old_value = self._current_value(resolved_params, param)",
        '  File "/workspace/Reigh-Worker/source/models/wgp/orchestrator.py", line 291, in _current_value',
        "    return overrides.get(param, \"NOT_SET\")",
        "AttributeError: 'NoneType' object has no attribute 'get'",
    ]:
        raw(t, line)


def generation(task, clk, seconds):
    w(clk.step(2000, 4000), "INFO", "GENERATION", f"[TASK_PROCESSING] Task {task}: Phase 3 - Starting generation", task)
    start = clk.t
    for step in range(1, 7):
        t = start + dt.timedelta(seconds=seconds * step / 6)
        raw(t, f"{int(100 * step / 6):3d}%|{'█' * (step * 10 // 6):<10}| {step}/6 [{int(seconds * step / 6) // 60:02d}:{int(seconds * step / 6) % 60:02d}<00:00, {seconds / 6:.2f}s/it]")
    clk.at(start + dt.timedelta(seconds=seconds, microseconds=rnd.randint(1000, 90000)))
    w(clk.t, "OK", "GENERATION", f"Generation completed in {seconds:.1f}s", task)
    out = f"/workspace/Reigh-Worker/outputs/{task[:8]}_seg.mp4"
    w(clk.step(200000, 400000), "INFO", "HEADLESS", f"Uploading output {out}", task)
    w(clk.step(1200000, 2400000), "OK", "HEADLESS", f"Task completed successfully: {out}", task)
    w(clk.step(2000, 5000), "INFO", "HEADLESS", "Finished task (Success: True)", task)
    pylog(clk.step(40000, 90000), "INFO", "httpx", f'HTTP Request: POST {HOST}/functions/v1/update-task-status "HTTP/1.1 200 OK"')
    return status_update(task, clk.t - dt.timedelta(milliseconds=35), "Complete")


# ============================================================================ the minutes, in order
raw(T(14, 10, 12), "✅ Worker process started with PID: 2211 at Tue Feb 24 14:10:12 UTC 2026")
raw(T(14, 10, 12), "=========================================")
raw(T(14, 10, 12), "🏁 STARTUP SCRIPT COMPLETED SUCCESSFULLY")
raw(T(14, 10, 12), "=========================================")
w(T(14, 10, 18, 211304), "INFO", "HEADLESS", f"Worker '{WORKER}' output will be saved to: /workspace/Reigh-Worker/logs/{WORKER}.log", db=False)
w(T(14, 10, 19, 5871), "OK", "HEADLESS", "Supabase client initialized successfully", db=False)
for line in ["WanGP Headless Server Started.", f"Worker ID: {WORKER}", "Monitoring Supabase (PostgreSQL backend) table: tasks",
             "Outputs will be saved under: outputs", "Polling interval: 10 seconds."]:
    raw(T(14, 10, 19, 6000), line)
w(T(14, 10, 19, 412337), "INFO", "HEADLESS", "Initializing queue-based task processing system...", db=False)
pylog(T(14, 10, 20, 114000), "INFO", "HeadlessQueue", "Task queue initialized with 1 workers")
w(T(14, 10, 20, 118962), "OK", "HEADLESS", "Queue-based processing ready")

# ---- run A: orchestrator on the other worker enqueues e040ae48; the create-task function returns it
add_row(ORCH_A, T(14, 6, 14, 902118), "INFO", "worker", OTHER_WORKER,
        f"TRAVEL: Successfully enqueued 2 new segment tasks and 1 new stitch task for run {RUN_A}", worker=OTHER_WORKER)
edge(T(14, 6, 15, 204000), "create-task", PREV, "Creating task", meta={"task_type": "travel_segment", "orchestrator_task_id": ORCH_A})
edge(T(14, 6, 15, 871000), "create-task", PREV, "Task created successfully", meta={"status": "Queued"})
edge(T(14, 6, 16, 93000), "create-task", PREV, "Task returned to caller", meta={"status": "Queued"})

# ---- e040ae48: claimed 14:10:34, model load 248 s, crash at LOOP [26/32]
claim(PREV, T(14, 10, 34, 231877), 0)
clk = Clock(T(14, 10, 35, 2418))
w(clk.t, "INFO", "HEADLESS", "Processing travel_segment task", PREV)
w(T(14, 10, 35, 71630), "INFO", "HEADLESS", f"[RAM] Segment via queue - start: Process=2048MB (2.00GB)", PREV, short=True)
w(T(14, 10, 35, 102311), "INFO", "MODEL", f"🔄 MODEL SWITCH: Using WGP's generate_video pattern - switching from (current: none) to {MODEL}", PREV)
raw(T(14, 10, 35, 102311), f"Loading Model 'ckpts/wan2.2_i2v_{MODEL}_14B_mbf16.safetensors' ...")
heartbeats(T(14, 10, 50, 512000), T(14, 14, 40), 1)
raw(T(14, 12, 39), "Loading checkpoint shards:  33%|███▎      | 1/3 [02:04<04:08, 124.1s/it]\rLoading checkpoint shards:  67%|██████▋   | 2/3 [04:05<02:02, 122.6s/it]")
w(T(14, 14, 43, 384015), "INFO", "MODEL", "[TASK_PROCESSING] Phase 1 complete - Model switch took 248.3s", PREV)
w(T(14, 14, 43, 391207), "INFO", "HEADLESS", f"[BILLING] Resetting generation_started_at for task {PREV} (model loading complete)", PREV)
clk.at(T(14, 14, 43, 392001))
loras(PREV, clk, 2, TASK_PARAMS[PREV]["lora_names"])
clk.at(T(14, 14, 44, 519322))
prev_explicit = {
    25: [(T(14, 14, 44, 545071), "INFO", "🔍 LOOP [25/32]: Processing param='color_correction_strength'"),
         (T(14, 14, 44, 545302), "DEBUG", "🔍 LOOP [25]: Getting old value for 'color_correction_strength'"),
         (T(14, 14, 44, 545543), "DEBUG", "🔍 LOOP [25]: Assigning new value for 'color_correction_strength'"),
         (T(14, 14, 44, 545543), "DEBUG", "🔍 LOOP [25]: Logging change for 'color_correction_strength'"),
         (T(14, 14, 44, 545780), "DEBUG", "🔍 LOOP [25]: Logging change for 'color_correction_strength'"),
         (T(14, 14, 44, 545780), "DEBUG", "num_inference_steps: 25 → 6"),
         (T(14, 14, 44, 546019), "DEBUG", "✅ LOOP [25]: Completed 'color_correction_strength'")],
    26: [(T(14, 14, 44, 546430), "INFO", "🔍 LOOP [26/32]: Processing param='guidance_phases', value_type=int"),
         (T(14, 14, 44, 546673), "DEBUG", "🔍 LOOP [26]: Getting old value for 'guidance_phases'")],
}
param_loop(PREV, clk, stop_at=(26, "getting"), explicit=prev_explicit, model_id="140233118442560", per_step=(160, 240))
# LOOPs 1-24 were generated from 14:14:44.519; check they end before LOOP 25.
pylog(T(14, 14, 44, 547410), "ERROR", "HeadlessQueue", f"GenerationWorker-0: task {PREV} raised AttributeError: 'NoneType' object has no attribute 'get'")
traceback_lines(T(14, 14, 44, 547902), PREV, "249.5")
w(T(14, 14, 44, 552114), "ERROR", "HEADLESS", f"Travel segment {PREV}: Generation failed: 'NoneType' object has no attribute 'get'", PREV, db=False)
w(T(14, 14, 45, 498772), "INFO", "HEADLESS", "Finished task (Success: False)", PREV, db=False)
pylog(T(14, 14, 46, 101000), "INFO", "httpx", f'HTTP Request: POST {HOST}/functions/v1/update-task-status "HTTP/1.1 200 OK"')
status_update(PREV, T(14, 14, 45, 583000), "Failed", cascade_orch=ORCH_A, cascaded=(SEG1_A, STITCH_A), gap_ms=431)

# ---- idle until run B
hb = heartbeats(T(14, 14, 55, 40000), T(14, 23, 15), 9)

# ---- run B: our worker runs the orchestrator and enqueues 3 segments + stitch at 14:23:21
edge(T(14, 23, 14, 617000), "create-task", ORCH_B, "Task created successfully", meta={"status": "Queued", "task_type": "travel_orchestrator"})
pylog(T(14, 23, 15, 902000), "INFO", "httpx", f'HTTP Request: POST {HOST}/functions/v1/claim-next-task "HTTP/1.1 200 OK"')
edge(T(14, 23, 15, 731000), "claim-next-task", ORCH_B, "Task claimed successfully", meta={"worker_id": WORKER, "task_type": "travel_orchestrator"})
w(T(14, 23, 15, 907762), "INFO", "HEADLESS", f"Found task of type: travel_orchestrator, Project ID: {PROJECT}", ORCH_B)
raw(T(14, 23, 15, 907800), f"[PROCESS_TASK_DEBUG] process_single_task called: task_type='travel_orchestrator', task_id={ORCH_B}")
w(T(14, 23, 15, 911054), "INFO", "HEADLESS", "Processing travel_orchestrator task", ORCH_B)
w(T(14, 23, 15, 912201), "INFO", "TRAVEL", "Starting travel orchestrator task", ORCH_B)
w(T(14, 23, 16, 40877), "INFO", "TRAVEL", "[RAM] Orchestrator start: Process=5231MB (5.11GB)", ORCH_B)
w(T(14, 23, 21, 402215), "INFO", "TRAVEL", f"Successfully enqueued 3 new segment tasks and 1 new stitch task for run {RUN_B}", ORCH_B)
for tid in (SEG0_B, SEG1_B, CUR, STITCH_B):
    edge(T(14, 23, 21, 437000 + 11000 * [SEG0_B, SEG1_B, CUR, STITCH_B].index(tid)), "create-task", tid, "Task created successfully",
         meta={"status": "Queued", "orchestrator_task_id": ORCH_B})
w(T(14, 23, 21, 522938), "INFO", "HEADLESS", "Orchestrator task queued child tasks; awaiting completion", ORCH_B)

claim(SEG0_B, T(14, 23, 23, 118532), 0)
claim(SEG1_B, T(14, 23, 24, 630110), 1)
claim(CUR, T(14, 23, 26, 244809), 2)

# ---- segment 0: completed
clk = Clock(T(14, 23, 23, 240016))
w(clk.t, "INFO", "HEADLESS", "Processing travel_segment task", SEG0_B)
w(clk.step(8000, 12000), "OK", "MODEL", f"Model {MODEL} already loaded", SEG0_B)
loras(SEG0_B, clk, 3, TASK_PARAMS[SEG0_B]["lora_names"])
clk.step(30000, 40000)
param_loop(SEG0_B, clk, model_id="127665902650880", per_step=(250, 450))
end0 = generation(SEG0_B, clk, 247.2)
heartbeats(T(14, 23, 45, 510000), T(14, 27, 30), hb)

# ---- segment 1: completed
clk = Clock(T(14, 27, 40, 8811))
w(clk.t, "INFO", "HEADLESS", "Processing travel_segment task", SEG1_B)
w(clk.step(8000, 12000), "OK", "MODEL", f"Model {MODEL} already loaded", SEG1_B)
loras(SEG1_B, clk, 3, TASK_PARAMS[SEG1_B]["lora_names"])
clk.step(30000, 40000)
param_loop(SEG1_B, clk, model_id="127665902650880", per_step=(250, 450))
generation(SEG1_B, clk, 246.1)
heartbeats(T(14, 27, 58, 20000), T(14, 31, 50), hb + 8)

# ---- 78cd8678: generation starts 14:31:53, model already loaded (no switch logged), crash at LOOP [9/32]
clk = Clock(T(14, 31, 53, 318470))
w(clk.t, "INFO", "HEADLESS", "Processing travel_segment task", CUR)
loras(CUR, clk, 3, TASK_PARAMS[CUR]["lora_names"])
clk.at(T(14, 31, 53, 535611))
cur_explicit = {
    8: [(T(14, 31, 53, 550575), "INFO", "🔍 LOOP [8/32]: Processing param='multi_images_gen_type'"),
        (T(14, 31, 53, 551008), "DEBUG", "🔍 LOOP [8]: Getting old value for 'multi_images_gen_type'"),
        (T(14, 31, 53, 551446), "DEBUG", "🔍 LOOP [8]: Assigning new value for 'multi_images_gen_type'"),
        (T(14, 31, 53, 551824), "DEBUG", "🔍 LOOP [8]: Logging change for 'multi_images_gen_type'"),
        (T(14, 31, 53, 552216), "DEBUG", "🔍 LOOP [8]: Completed 'multi_images_gen_type'"),
        (T(14, 31, 53, 552424), "DEBUG", "✅ LOOP [8]: Completed 'multi_images_gen_type'")],
    9: [(T(14, 31, 53, 553060), "INFO", "🔍 LOOP [9/32]: Processing param='guidance_scale', value_type=int"),
        (T(14, 31, 53, 553318), "DEBUG", "🔍 LOOP [9]: Getting old value for 'guidance_scale'")],
}
param_loop(CUR, clk, stop_at=(9, "getting"), explicit=cur_explicit, model_id="127665902650880", per_step=(340, 420))
pylog(T(14, 31, 53, 553900), "ERROR", "HeadlessQueue", f"GenerationWorker-0: task {CUR} raised AttributeError: 'NoneType' object has no attribute 'get'")
traceback_lines(T(14, 31, 53, 554377), CUR, "0.2")
w(T(14, 31, 53, 558011), "ERROR", "HEADLESS", f"Travel segment {CUR}: Generation failed: 'NoneType' object has no attribute 'get'", CUR, db=False)
w(T(14, 31, 54, 501102), "INFO", "HEADLESS", "Finished task (Success: False)", CUR, db=False)
pylog(T(14, 31, 55, 12000), "INFO", "httpx", f'HTTP Request: POST {HOST}/functions/v1/update-task-status "HTTP/1.1 200 OK"')
status_update(CUR, T(14, 31, 54, 583000), "Failed", cascade_orch=ORCH_B, cascaded=(STITCH_B,))
heartbeats(T(14, 32, 5, 300000), T(14, 32, 40), hb + 16)


# ============================================================================ task rows
def state(tid, ttype, status, created, worker=None, started=None, processed=None, updated=None, error=None, params=None, depends=None, attempts=0):
    return {"id": tid, "task_type": ttype, "status": status, "project_id": PROJECT, "params": params or {},
            "created_at": db_ts(created, 3) if created else None,
            "updated_at": db_ts(updated, 6) if updated else None,
            "generation_started_at": db_ts(started, 6) if started else None,
            "generation_processed_at": db_ts(processed, 6) if processed else None,
            "attempts": attempts, "error_message": error, "worker_id": worker, "dependant_on": depends,
            "output_location": None}


err = "Travel segment {}: Generation failed: 'NoneType' object has no attribute 'get'"
prev_state = state(PREV, "travel_segment", "Failed", T(14, 6, 15, 871000), WORKER, started=T(14, 14, 43, 391207),
                   updated=T(14, 14, 46, 14000), error=err.format(PREV), params=TASK_PARAMS[PREV])
cur_state = state(CUR, "travel_segment", "Failed", T(14, 23, 21, 459000), WORKER, started=T(14, 31, 53, 318470),
                  updated=T(14, 31, 54, 790000), error=err.format(CUR), params=TASK_PARAMS[CUR], depends=None)
orch_b_state = state(ORCH_B, "travel_orchestrator", "Failed", T(14, 23, 14, 617000), WORKER, started=T(14, 23, 15, 911054),
                     updated=T(14, 31, 54, 990000), error=f"Cascaded failed from related task {CUR}",
                     params={"run_id": RUN_B, "num_new_segments_to_generate": 3, "model_name": MODEL})
children_b = [
    state(SEG0_B, "travel_segment", "Complete", T(14, 23, 21, 437000), WORKER, started=T(14, 23, 23, 240016),
          processed=T(14, 27, 34, 511000), updated=T(14, 27, 34, 511000), params=TASK_PARAMS[SEG0_B]),
    state(SEG1_B, "travel_segment", "Complete", T(14, 23, 21, 448000), WORKER, started=T(14, 27, 40, 8811),
          processed=T(14, 31, 50, 820000), updated=T(14, 31, 50, 820000), params=TASK_PARAMS[SEG1_B]),
    cur_state,
    state(STITCH_B, "travel_stitch", "Failed", T(14, 23, 21, 470000), None, updated=T(14, 31, 54, 990000),
          error=f"Cascaded failed from related task {CUR}", depends=SEG1_B),
]


def logs_of(*tids):
    out = []
    for tid in tids:
        out.extend(rows.get(tid, []))
    out.sort(key=lambda p: p[0])
    return [r for _, r in out]


def write_json(name, doc):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


os.makedirs(OUT, exist_ok=True)
write_json("task_e040ae48.json", {"task_id": PREV, "state": prev_state, "logs": logs_of(PREV)})
write_json("task_78cd8678.json", {"task_id": CUR, "state": cur_state, "logs": logs_of(CUR)})
write_json("task_c2d9f4a6.json", {"task_id": ORCH_B, "state": orch_b_state, "logs": logs_of(ORCH_B, STITCH_B),
                                  "child_tasks": children_b})
console.sort(key=lambda p: p[0])   # stable: lines of the same instant keep the order they were written in
with open(os.path.join(OUT, f"{WORKER}.log"), "w", encoding="utf-8", newline="\n") as f:
    for _, text in console:
        f.write(text + "\n")
print("console lines:", len(console), "rows:", sum(len(v) for v in rows.values()) + len(orphan_rows))
