#!/usr/bin/env sh
# Makes the class-data sharing archive of a Faultline launcher, so that a start maps the classes it needs
# instead of reading, verifying and linking them from the jars:
#   packaging/cds.sh                      for packaging/faultline (writes target/faultline.jsa; run by mvn package)
#   packaging/cds.sh APP/bin/faultline    for an app image (writes APP/lib/app/faultline.jsa; run by app-image.sh)
#   packaging/cds.sh --record-window      also rewrites packaging/cds/window.classlist (needs Xvfb)
#   packaging/cds.sh --force              makes it again even when it is up to date
# Training: the launcher starts the window on the bundled sample under an Xvfb of its own, when Xvfb is
# installed (else the window's classes come from packaging/cds/window.classlist, recorded from such a run),
# and the headless commands on the sample; the classes they loaded, and every class of Faultline, are then
# dumped through the same launcher, so with exactly the module path it runs with. The training never reads or
# writes the user's settings, workspaces, cache or log: it runs in a home folder of its own.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
record=
force=
launcher="$here/faultline"
for a in "$@"; do
    case "$a" in
        --record-window) record=1 ;;
        --force) force=1 ;;
        *) launcher=$(readlink -f -- "$a") ;;
    esac
done
sample="$root/src/main/resources/faultline/sample"
classes="$root/target/classes"
committed="$here/cds/window.classlist"
trained="$root/target/faultline.classlist"
[ -d "$classes/faultline" ] || { echo "cds: no build in $root/target — run: mvn -q -DskipTests package" >&2; exit 1; }

# Up to date: the launcher would use the archive (it is newer than the code and the runtime), and the training is unchanged.
if [ -z "$record$force" ] && archive=$(FAULTLINE_CDS=check "$launcher") \
    && [ -z "$(find "$committed" "$0" -newer "$archive" | head -n 1)" ]; then
    echo "cds: $archive is up to date"
    exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/faultline-cds.XXXXXX")
xvfb=
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$work/home" "$work/data"
started=$(date +%s)

# Runs the launcher once with its classes recorded in $work/$1.classlist; quiet unless it fails.
train() {
    name=$1
    shift
    if HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" FAULTLINE_CDS=off \
        JAVA_OPTS="-XX:DumpLoadedClassList=$work/$name.classlist -Dfaultline.log.dir=$work/log -Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home -Dfaultline.data.dir=$work/data" \
        "$launcher" "$@" >"$work/$name.out" 2>&1; then
        return 0
    fi
    echo "cds: the $name training run failed:" >&2
    tail -n 5 "$work/$name.out" >&2
    return 1
}

# The training, in $work/all.classlist: each class once, in the order first loaded.
training() {
    # The window: a real one on a display of its own, never on the user's screen.
    window=
    if command -v Xvfb >/dev/null 2>&1; then
        Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp >"$work/display" 2>/dev/null &
        xvfb=$!
        i=0
        while [ ! -s "$work/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
        if [ -s "$work/display" ]; then
            display=":$(head -n 1 "$work/display")"
            if DISPLAY="$display" train window --snapshot="$work/window.png" && grep -q "^faultline: ready" "$work/window.out"; then
                window="the window trained under Xvfb $display"
            fi
        fi
        kill "$xvfb" 2>/dev/null || true
        xvfb=
    fi
    if [ -z "$window" ]; then
        [ -n "$record" ] && { echo "cds: --record-window needs Xvfb and a window that starts" >&2; exit 1; }
        cp "$committed" "$work/window.classlist"
        window="the window's classes from packaging/cds/window.classlist"
    fi

    # The headless commands on the bundled sample.
    set -- "$sample"/*
    train stats stats "$@"
    train report report "$@"
    train export export "$@" --png "$work/export.png" --svg "$work/export.svg"

    # Every class of Faultline's own, so that a dialog or a command the training did not reach starts fast too.
    (cd "$classes" && find faultline -name '*.class' | sed 's/\.class$//' | sort) >"$work/faultline.classlist"

    # One list; kept for the app image.
    cat "$work/window.classlist" "$work/stats.classlist" "$work/report.classlist" "$work/export.classlist" "$work/faultline.classlist" \
        | grep -v '^#' | awk '!seen[$0]++' >"$work/all.classlist"
    cp "$work/all.classlist" "$trained"
}

# The classes trained for packaging/faultline serve the app image too: its launcher loads the same classes.
if [ -z "$record" ] && [ -f "$trained" ] && [ -z "$(find "$classes" "$committed" "$0" -newer "$trained" | head -n 1)" ]; then
    cp "$trained" "$work/all.classlist"
    window="the classes trained for packaging/faultline ($trained)"
else
    training
fi

if [ -n "$record" ]; then
    # What only the window loads, less Faultline's own classes (added above on every run).
    cat "$work/stats.classlist" "$work/report.classlist" "$work/export.classlist" "$work/faultline.classlist" | grep -v '^#' | sort -u >"$work/headless.sorted"
    {
        echo "# The classes the window loads on the bundled sample that the headless commands do not, recorded by"
        echo "# packaging/cds.sh --record-window; the training uses them where Xvfb is missing. Stale lines are skipped."
        grep -v '^#' "$work/window.classlist" | grep -v '^faultline/' | awk 'NR == FNR { h[$0] = 1; next } !h[$0]' "$work/headless.sorted" -
    } >"$committed"
    echo "cds: wrote $committed ($(grep -vc '^#' "$committed") lines)"
fi

if ! FAULTLINE_CDS="dump=$work/all.classlist" "$launcher" >"$work/dump.out" 2>&1; then
    echo "cds: the archive could not be made:" >&2
    grep -v 'Preload Warning\|Skipping\|warning' "$work/dump.out" | tail -n 5 >&2
    exit 1
fi
echo "cds: made $(sed -n 's/^faultline: class-data sharing archive //p' "$work/dump.out") of $(grep -vc '^@' "$work/all.classlist") classes ($window; $(($(date +%s) - started)) s)"
