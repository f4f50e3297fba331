#!/bin/sh
# Completes a jpackage app image of Faultline (run by packaging/app-image.sh):
#   packaging/linux/layout.sh APP
# bin/faultline (packaging/faultline, which honours JAVA_OPTS) beside jpackage's bin/Faultline; the JVM options,
# the Postgres driver and the license in lib/app; and, in lib/desktop/, what the installers put into the desktop
# (lib/integrate-desktop.sh): the menu entry, the workspace file type and the icons in every size.
set -eu
app=${1:?"usage: packaging/linux/layout.sh APP"}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
mkdir -p "$app/bin" "$app/lib/app/mods"
cp "$root/packaging/faultline" "$app/bin/faultline"
cp "$root/packaging/jvm.options" "$root/LICENSE" "$app/lib/app/"
for jar in "$root"/target/lib/postgresql-*.jar; do
    [ -f "$jar" ] && cp "$jar" "$app/lib/app/mods/"
done
cp "$here/integrate-desktop.sh" "$app/lib/"
install -D -m 644 "$here/faultline.desktop" "$app/lib/desktop/applications/faultline.desktop"
install -D -m 644 "$here/faultline.xml" "$app/lib/desktop/mime/packages/faultline.xml"
install -D -m 644 "$root/icons/app.svg" "$app/lib/desktop/icons/hicolor/scalable/apps/faultline.svg"
for png in "$root"/icons/app-*.png; do
    size=$(basename "$png" .png)
    size=${size#app-}
    install -D -m 644 "$png" "$app/lib/desktop/icons/hicolor/${size}x$size/apps/faultline.png"
    install -D -m 644 "$png" "$app/lib/desktop/icons/hicolor/${size}x$size/mimetypes/application-x-faultline-workspace.png"
done
