#!/usr/bin/env bash
# A release as a dry run: copies the working tree to a temporary directory, gives it the release version (the
# SNAPSHOT suffix dropped, as the release commit does; Central stages no snapshots), signs every published artifact
# with a throwaway key made here (never a real credential) and stages them with Maven Central's publishing plugin as
# its bundle, uploaded to a stand-in for Central's portal on the loopback interface (scripts/FakeCentralPortal.java),
# which keeps it in a local directory: nothing leaves the machine. Then it checks that the bundle holds, for each
# published module, its pom, jar, sources and javadoc jars, each with a signature that verifies, and none of the
# test-only modules. Nothing is installed into the local repository (the throwaway signatures must not shadow real
# artifacts there). Outside the default verify: it builds javadoc for every module. From the repository root:
#   bash scripts/release-dry-run.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
portal_pid=
trap '[ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null; GNUPGHOME="$work/gnupg" gpgconf --kill all 2>/dev/null; rm -rf "$work"' EXIT
snapshot=$(sed -n 's:^  <version>\(.*-SNAPSHOT\)</version>:\1:p' pom.xml | head -1)
release=${snapshot%-SNAPSHOT}
if [ -z "$snapshot" ]; then
  echo "pom.xml has no SNAPSHOT version to release." >&2
  exit 1
fi
mkdir "$work/src"
git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$work/src"
find "$work/src" -name pom.xml -exec sed -i "s/$snapshot/$release/g" {} +
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"

# The throwaway key: no passphrase, expires in a day, never leaves $work.
gpg --batch --quiet --passphrase '' --quick-gen-key 'rpt release dry run <dry-run@invalid>' ed25519 sign 1d
MAVEN_GPG_KEY=$(gpg --batch --armor --export-secret-keys)
export MAVEN_GPG_KEY
export MAVEN_GPG_PASSPHRASE=''
# The publishing plugin wants the portal's server entry even when it uploads nothing: a placeholder, never a token.
# (These settings stand in for ~/.m2/settings.xml during the dry run.)
cat >"$work/settings.xml" <<'SETTINGS'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>dry-run</username>
      <password>dry-run</password>
    </server>
  </servers>
</settings>
SETTINGS

java scripts/FakeCentralPortal.java "$work/portal" &
portal_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/portal/port" ] && break
  sleep 0.2
done
if [ ! -s "$work/portal/port" ]; then
  echo "The stand-in portal did not start." >&2
  exit 1
fi
portal="http://127.0.0.1:$(cat "$work/portal/port")"

(cd "$work/src" && ./mvnw -B -q -s "$work/settings.xml" -Prelease deploy -Dmaven.install.skip=true -pl '!architecture-tests,!docs,!rpt-benchmarks' -DskipTests -Dinvoker.skip -Dspotless.check.skip=true -DcentralBaseUrl="$portal" -DwaitUntil=uploaded "$@" \
  >"$work/build.log" 2>&1) || { tail -40 "$work/build.log" >&2; exit 1; }

bundle=$(find "$work/src" -path '*/target/central-publishing/central-bundle.zip' | head -1)
if [ -z "$bundle" ]; then
  echo "No central-bundle.zip was staged; the build said:" >&2
  tail -40 "$work/build.log" >&2
  exit 1
fi
if [ ! -s "$work/portal/upload.bin" ] || ! grep -qa 'central-bundle.zip' "$work/portal/upload.bin"; then
  echo "The stand-in portal received no bundle." >&2
  exit 1
fi
mkdir "$work/bundle"
unzip -q "$bundle" -d "$work/bundle"

failed=0
modules=0
for pom in $(find "$work/bundle" -name '*.pom' | sort); do
  modules=$((modules + 1))
  base=${pom%.pom}
  packaging=$(sed -n 's:.*<packaging>\(.*\)</packaging>.*:\1:p' "$pom" | head -1)
  files=("$pom")
  if [ "${packaging:-jar}" != pom ]; then
    files+=("$base.jar" "$base-sources.jar" "$base-javadoc.jar")
  fi
  for file in "${files[@]}"; do
    if [ ! -f "$file" ]; then
      echo "missing: ${file#"$work/bundle/"}" >&2
      failed=1
    elif ! gpg --batch --quiet --verify "$file.asc" "$file" 2>/dev/null; then
      echo "no good signature: ${file#"$work/bundle/"}" >&2
      failed=1
    fi
  done
done
for excluded in rpt-benchmarks rpt-architecture-tests rpt-docs; do
  if [ -n "$(find "$work/bundle" -path "*/$excluded/*" -print -quit)" ]; then
    echo "the bundle holds $excluded, which is not published" >&2
    failed=1
  fi
done
if [ "$modules" -eq 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
# What Central's validation asks of the metadata, which the stand-in portal does not check: every pom names and
# describes itself; the poms the others inherit from (the parent) and the BOM, which has none, carry the project's
# url, licence, developers and SCM.
missing=()
for pom in $(find "$work/bundle" -name '*.pom' | sort); do
  name=$(basename "$pom")
  for tag in name description; do
    grep -q "<$tag>" "$pom" || missing+=("$name: <$tag>")
  done
  case "$name" in
    rpt-parent-*|rpt-bom-*)
      for tag in url licenses developers scm; do
        grep -q "<$tag>" "$pom" || missing+=("$name: <$tag>")
      done
      ;;
  esac
done
if [ "${#missing[@]}" -ne 0 ]; then
  echo "Signing and staging work ($modules modules signed and bundled), but Central's validation would refuse the"\
    "bundle for its metadata:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "The licence is the owners' decision; CONTRIBUTING.md (Releasing) says what follows from it." >&2
  exit 3
fi
echo "Release dry run of $release: $modules modules staged in Central's bundle, every pom and jar signed with a"\
  "signature that verifies; uploaded to the stand-in portal only ($(cat "$work/portal/upload.query"))."
