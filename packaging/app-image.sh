#!/usr/bin/env sh
# Builds a runnable Linux app image with the icon: target/app-image/Faultline
#   packaging/app-image.sh
# bin/Faultline is jpackage's launcher; bin/faultline (packaging/faultline) starts the same with JAVA_OPTS.
# Needs JDK 17 (jlink, jpackage) and Maven. The runtime image keeps jdk.charsets (MacRoman repair).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
cd "$root"
mvn -q -B -DskipTests package javafx:jlink
rm -rf target/app-image
JP="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
version=$(sed -n 's/^version=//p' target/classes/faultline/build.properties)

# jpackage's launcher gets packaging/jvm.options line by line; the Postgres driver is an automatic module, which
# jlink cannot link: it goes beside the app, on the module path; the class-data sharing archive is made below.
set --
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%%#*}
    line=$(printf '%s' "$line" | sed 's/[[:space:]]*$//; s/^[[:space:]]*//')
    [ -n "$line" ] && set -- "$@" --java-options "$line"
done <packaging/jvm.options
"$JP" @packaging/jpackage.cfg --type app-image --app-version "${version%%-*}" --module faultline/faultline.cli.Launcher \
    --runtime-image target/faultline-image --dest target/app-image --icon icons/app-256.png "$@" \
    --java-options '--module-path $APPDIR/mods' --java-options '-XX:SharedArchiveFile=$APPDIR/faultline.jsa'
app=target/app-image/Faultline
packaging/linux/layout.sh "$app"
packaging/cds.sh "$app/bin/faultline"
echo "built $app (run $app/bin/Faultline, or $app/bin/faultline with JAVA_OPTS)"
