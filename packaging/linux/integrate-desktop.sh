#!/bin/sh
# Puts Faultline into the desktop, or takes it out again: the menu entry with its icon, the workspace file
# type (*.faultline.json), "Open with Faultline" for logs, and `faultline` on the PATH. The .deb's and the
# .rpm's maintainer scripts run it; DIR is for trying it in a folder instead of the system:
#   /opt/faultline/lib/integrate-desktop.sh install|remove [--root DIR]
# It writes only into the system's shared folders (DIR/usr/share, DIR/usr/bin), never into anyone's home: a
# removal leaves every user's workspaces, cache and settings as they were.
set -eu
action=${1:-}
root=
if [ "${2:-}" = --root ]; then
    root=${3:?"--root needs a folder"}
fi
app=$(CDPATH= cd -- "$(dirname -- "$(readlink -f -- "$0")")/.." && pwd)
share="$root/usr/share"
bin="$root/usr/bin"

# What Faultline brings, by its path under the system's share/: the desktop entry, the file type, the icons. They
# are kept in lib/desktop, not in the app's own share/, which jpackage fills with the package's documentation.
files() {
    (cd "$app/lib/desktop" && find applications mime icons -type f | sort)
}

# The caches the desktop reads the menu, the file types and the icons from; each tool only where it is installed.
refresh() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime/packages" ]; then
        update-mime-database "$share/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -f -t "$share/icons/hicolor" || true
    fi
}

case "$action" in
    install)
        for f in $(files); do
            mkdir -p "$(dirname -- "$share/$f")"
            cp -f "$app/lib/desktop/$f" "$share/$f"
            chmod 644 "$share/$f"
        done
        mkdir -p "$bin"
        ln -sfn "$app/bin/faultline" "$bin/faultline"
        refresh
        ;;
    remove)
        for f in $(files); do
            rm -f "$share/$f"
        done
        # Only our own link: a faultline installed otherwise stays.
        if [ -L "$bin/faultline" ] && [ "$(readlink -- "$bin/faultline")" = "$app/bin/faultline" ]; then
            rm -f "$bin/faultline"
        fi
        refresh
        ;;
    *)
        echo "usage: $0 install|remove [--root DIR]" >&2
        exit 2
        ;;
esac
