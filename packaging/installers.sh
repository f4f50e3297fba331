#!/usr/bin/env sh
# Builds the installers from the app image (packaging/app-image.sh), in target/installers/:
# faultline_<version>_amd64.deb, and faultline-<version>.x86_64.rpm where rpmbuild exists.
#   packaging/installers.sh           build them
#   packaging/installers.sh --check   build them, then install the .deb into a temporary root and check it
#                                     (DesktopIntegrationTest: desktop-file-validate, icons, file types, removal)
#   packaging/installers.sh --fast    packages without compression (quicker, for checks)
# Needs jpackage (JDK 17), fakeroot and dpkg-dev for the .deb (apt-get install fakeroot dpkg-dev), rpm for
# the .rpm. Installing puts Faultline in /opt/faultline, its menu entry, icons and file types in /usr/share,
# and /usr/bin/faultline; removing takes out exactly those and leaves every user's data and settings.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
cd "$root"
check=
fast=
for a in "$@"; do
    case "$a" in
        --check) check=1 ;;
        --fast) fast=1 ;;
        *) echo "usage: packaging/installers.sh [--check] [--fast]" >&2; exit 2 ;;
    esac
done
for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || { echo "installers: $tool is missing (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
done

packaging/app-image.sh
version=$(sed -n 's/^version=//p' target/classes/faultline/build.properties)
# A development version sorts before its release in both package managers: -SNAPSHOT becomes ~SNAPSHOT.
pkgversion=$(printf '%s' "$version" | tr '-' '~')
out=target/installers
rm -rf "$out"
JP="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
package() {
    "$JP" --app-image target/app-image/Faultline --name Faultline --linux-package-name faultline --app-version "$pkgversion" \
        --vendor Faultline --description "Timeline visualizer for task failures of a GPU worker fleet" \
        --install-dir /opt --license-file LICENSE --resource-dir packaging/linux --dest "$out" "$@"
}
if [ -n "$fast" ]; then
    export DPKG_DEB_COMPRESSOR_TYPE=none
fi
# GTK is loaded by JavaFX at run time, so jpackage cannot see that it is needed.
package --type deb --linux-deb-maintainer noreply@faultline.invalid --linux-app-category devel --linux-package-deps libgtk-3-0
if command -v rpmbuild >/dev/null 2>&1; then
    package --type rpm --linux-rpm-license-type Apache-2.0 --linux-package-deps gtk3
else
    echo "installers: no rpmbuild, so no .rpm (apt-get install rpm)"
fi
ls -l "$out"

if [ -n "$check" ]; then
    deb=$(ls "$out"/faultline_*.deb)
    rpm=$(ls "$out"/faultline-*.rpm 2>/dev/null || true)
    mvn -q -B surefire:test -Dtest=DesktopIntegrationTest -Dfaultline.deb="$root/$deb" ${rpm:+-Dfaultline.rpm="$root/$rpm"}
    echo "installers: $deb${rpm:+ and $rpm} checked"
fi
