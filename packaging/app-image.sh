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
# The Postgres driver is an automatic module, which jlink cannot link: it goes beside the app and on its module path.
"$JP" @packaging/jpackage.cfg --runtime-image target/faultline-image --dest target/app-image --icon icons/app-256.png \
    --java-options '--module-path $APPDIR/mods --add-modules org.postgresql.jdbc'
mkdir -p target/app-image/Faultline/lib/app/mods
cp target/lib/postgresql-*.jar target/app-image/Faultline/lib/app/mods/
echo "built target/app-image/Faultline (run target/app-image/Faultline/bin/Faultline)"
