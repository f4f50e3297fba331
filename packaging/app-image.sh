#!/usr/bin/env sh
# Builds a runnable Linux app image with the icon: target/app-image/Faultline/bin/Faultline
#   packaging/app-image.sh
# Needs JDK 17 (jlink, jpackage) and Maven. The runtime image keeps jdk.charsets (MacRoman repair).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root="$here/.."
cd "$root"
mvn -q -B -DskipTests package javafx:jlink
rm -rf target/app-image
JP="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
"$JP" @packaging/jpackage.cfg --runtime-image target/faultline-image --dest target/app-image --icon icons/app-256.png
echo "built target/app-image/Faultline (run target/app-image/Faultline/bin/Faultline)"
