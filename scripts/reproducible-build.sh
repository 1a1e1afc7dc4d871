#!/usr/bin/env bash
# Checks that the build is reproducible: packages every module twice, from clean, and compares each published jar
# byte for byte (project.build.outputTimestamp fixes the entries' times). Outside the default verify: it packages the
# whole reactor twice. Run from the repository root: bash scripts/reproducible-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jars() {
  find . -path ./sample-project -prune -o -path '*/target/*.jar' -print \
    | grep -v -e '/target/it/' -e '/target/lib/' -e 'rpt-benchmarks' -e 'architecture-tests' -e '/docs/' \
    | sort
}

build() {
  ./mvnw -B -q clean package -DskipTests -Dinvoker.skip -Dspotless.check.skip=true >/dev/null
  jars | while read -r jar; do
    echo "$(sha256sum "$jar" | cut -d' ' -f1) $jar"
  done
}

first=$(mktemp)
second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT
build >"$first"
sleep 2  # a build that stamped the clock would now differ
build >"$second"
count=$(wc -l <"$first")
if [ "$count" -eq 0 ]; then
  echo "No jars were built." >&2
  exit 1
fi
if ! diff -u "$first" "$second"; then
  echo "The build is not reproducible: the jars above differ between two builds of the same sources." >&2
  exit 1
fi
missing=0
while read -r _ jar; do
  if ! unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Automatic-Module-Name: dev\.rpt'; then
    echo "$jar has no Automatic-Module-Name." >&2
    missing=1
  fi
done <"$first"
if [ "$missing" -ne 0 ]; then
  exit 1
fi
echo "Reproducible: $count jars identical across two builds, each with its Automatic-Module-Name."
