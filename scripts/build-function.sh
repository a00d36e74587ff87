#!/usr/bin/env bash
# What `make build-<Function>` runs for `sam build`: puts one function module's self-contained (shaded) jar in
# $ARTIFACTS_DIR/lib/<module>.jar, building the five function jars in one Maven run and sharing them through a cache
# outside the checkout.
#
# Why: SAM CLI runs the Makefile once per function, each time in its own scratch copy of the repository, and never
# shares or caches makefile builds (aws-sam-cli 1.164.0: samcli/lib/build/build_graph.py FunctionBuildDefinition
# __eq__ is False for makefile builds; build_strategy.py: `--cached` keys on per-run definition ids, so it never
# hits). A Maven run per function rebuilt common five times; this script builds once and hands out the jars.
#
# How:
#   - Key: each function jar is keyed by a SHA-256 over its build inputs, as files in the directory make runs in (SAM's
#     scratch copy, or the checkout with --build-in-source): every file except build output (target/, node_modules/),
#     .git/, .aws-sam/, IDE files, the other function modules, and the non-pom files of the Maven modules the functions
#     do not build on (local-api, todo-client, deployment-tests, benchmarks); plus the JDK (`java -version`), the Maven
#     command and its options (MVN, MVN_ARGS, MAVEN_OPTS, MAVEN_ARGS). Any other change to the sources, the poms, the
#     Makefile or this script is a new key; nothing is reused by timestamp.
#   - Hit: copy <cache>/jars/<module>/<key>.jar. Miss: copy the inputs to a private directory, key them again there
#     (so the key is exactly what is built, even if the checkout changes meanwhile), run ONE Maven build of every
#     function whose jar is missing (`-pl <modules> -am package`: the parent, local-dynamodb and common come from
#     source, nothing from ~/.m2 or an earlier `mvn install`), and publish each jar by an atomic rename.
#   - A lock (a directory, portable to macOS and Git Bash) lets one make invocation build while the others wait, e.g.
#     under `sam build --parallel`; the lock of a killed build is taken over. The lock only saves work: every build
#     runs in its own directory and publishing is a rename of reproducible jars, so racing builds cannot mix outputs.
#   - The cache keeps the 3 most recently used jars of each function; delete it at any time.
#
#   usage: ARTIFACTS_DIR=<dir> scripts/build-function.sh <module>       (normally via make build-<Function>)
#          scripts/build-function.sh --keys                            (prints each function jar's key)
#   env:   MVN (default ./mvnw) and MVN_ARGS (both set by the Makefile),
#          LAMBDA_BUILD_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/todo-api/lambda-jars)
# Needs bash 3.2+, find, sort, tar, and sha256sum or shasum.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The function modules, from the Makefile's `build-<Function>: ; $(call lambda-zip,<module>)` lines (their
# <module>/target/<module>-lambda.jar is the deployable jar, see the root pom), and the Maven modules of the reactor
# whose sources the function build never reads (their pom.xml is read, so it counts).
# shellcheck disable=SC2207 # module names have no spaces
functions=($(sed -n 's/^build-[A-Za-z]*:.*(call lambda-zip,\([a-z-]*\)).*/\1/p' "$root/Makefile"))
not_built_on=(local-api todo-client deployment-tests benchmarks)
[ ${#functions[@]} -gt 0 ] || { echo "no build-<Function> targets in $root/Makefile" >&2; exit 1; }

module="${1:-}"
case " --keys ${functions[*]} " in
  *" $module "*) ;;
  *) echo "usage: ARTIFACTS_DIR=<dir> $0 <module>   (module: ${functions[*]}), or $0 --keys" >&2; exit 2 ;;
esac

MVN="${MVN:-./mvnw}"
MVN_ARGS="${MVN_ARGS-}"
if [ -n "${LAMBDA_BUILD_CACHE:-}" ]; then cache="$LAMBDA_BUILD_CACHE"
elif [ -n "${XDG_CACHE_HOME:-}" ]; then cache="$XDG_CACHE_HOME/todo-api/lambda-jars"
elif [ -n "${HOME:-}" ]; then cache="$HOME/.cache/todo-api/lambda-jars"
else cache="${TMPDIR:-/tmp}/todo-api-lambda-jars-$(id -u)"; fi
keep=3

if command -v sha256sum >/dev/null 2>&1; then sha256=(sha256sum); else sha256=(shasum -a 256); fi
say() { echo "[build-function $module] $*"; }

# Relative paths (./x/y) of the files under $1 that can be build inputs, one per line, sorted bytewise.
list_inputs() {
  (cd "$1" && find . \( -name .git -o -name .aws-sam -o -name target -o -name node_modules -o -name .idea \
                        -o -name .vscode \) -prune -o \( -type f -o -type l \) ! -name .DS_Store ! -name '*.iml' -print) \
    | LC_ALL=C sort
}

# "<sha256>  <path>" for each path on stdin (relative to $1).
hash_files() {
  (cd "$1" && tr '\n' '\0' | xargs -0 "${sha256[@]}")
}

# What is not a file yet changes what Maven produces: the JDK and the Maven command line.
build_environment() {
  local java="java"
  if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi
  "$java" -version 2>&1 || true
  printf 'MVN=%s\nMVN_ARGS=%s\nMAVEN_OPTS=%s\nMAVEN_ARGS=%s\n' "$MVN" "$MVN_ARGS" "${MAVEN_OPTS:-}" "${MAVEN_ARGS:-}"
}

# Sets keys[i], the key of functions[i], from the files under $1.
keys=()
compute_keys() {
  local dir="$1" list others shared i m
  list="$(list_inputs "$dir")"
  others="$(IFS='|'; echo "${functions[*]}|${not_built_on[*]}")"
  # Shared: every file outside the function modules and the modules not built on, and every module's pom.xml.
  shared="$( { build_environment
               { grep -v -E "^\./($others)/" <<<"$list" || true
                 grep -x -E "\./($others)/pom\.xml" <<<"$list" || true; } | hash_files "$dir"
             } | "${sha256[@]}" | cut -c1-64)"
  for i in "${!functions[@]}"; do
    m="${functions[$i]}"
    keys[i]="$( { echo "$shared $m"; grep "^\./$m/" <<<"$list" | hash_files "$dir"; } | "${sha256[@]}" | cut -c1-64)"
  done
}

key_of() {
  local i
  for i in "${!functions[@]}"; do [ "${functions[$i]}" != "$1" ] || echo "${keys[$i]}"; done
}
entry_of() { echo "$cache/jars/$1/$(key_of "$1").jar"; }

lock="$cache/lock"
have_lock=false
stage=""
acquire_lock() {
  local waiting=false owner
  until mkdir "$lock" 2>/dev/null; do
    owner="$(cat "$lock/pid" 2>/dev/null || true)"
    if { [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; } \
       || { [ -z "$owner" ] && [ -n "$(find "$lock" -maxdepth 0 -mmin +1 2>/dev/null)" ]; }; then
      say "taking over the lock of a build that is gone (pid ${owner:-unknown})"
      rm -rf "$lock"
      continue
    fi
    if [ "$waiting" = false ]; then say "waiting for another function's build (pid ${owner:-starting})"; waiting=true; fi
    sleep 0.2
  done
  echo $$ > "$lock/pid"
  have_lock=true
}
cleanup() {
  [ -z "$stage" ] || rm -rf "$stage"
  if [ "$have_lock" = true ]; then rm -rf "$lock"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

deliver() { # $1: cache entry
  mkdir -p "$ARTIFACTS_DIR/lib"
  cp "$1" "$ARTIFACTS_DIR/lib/$module.jar"
  touch "$1"
}

if [ "$module" = --keys ]; then # the key of each function jar for the sources here (scripts/check-sam-build.sh)
  compute_keys "$root"
  for i in "${!functions[@]}"; do echo "${functions[$i]} ${keys[$i]}"; done
  exit 0
fi
: "${ARTIFACTS_DIR:?ARTIFACTS_DIR is not set (sam build sets it)}"

mkdir -p "$cache/tmp" "$cache/failed"
# Leftovers of killed builds: failure marks after an hour, build directories after a day.
find "$cache/failed" -type f -mmin +60 -exec rm -f {} + 2>/dev/null || true
find "$cache/tmp" -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
started="$(date +%s)"
compute_keys "$root"
acquire_lock

entry="$(entry_of "$module")"
if [ -f "$entry" ]; then
  deliver "$entry"
  say "lib/$module.jar from the build cache (key $(key_of "$module" | cut -c1-12))"
  exit 0
fi

# A build of this very key that failed while this invocation waited (sam build --parallel): fail now, not again.
failed="$cache/failed/$module-$(key_of "$module")"
if [ -f "$failed" ] && [ "$(cat "$failed")" -ge "$started" ]; then
  say "the build of these sources failed in another function's make run (see its output above)" >&2
  exit 1
fi

# Build in a private copy of the inputs, keyed again: the key is then exactly what Maven builds.
stage="$(mktemp -d "$cache/tmp/build.XXXXXX")"
(cd "$root" && list_inputs . | tar -cf - -T -) | (cd "$stage" && tar -xf -)
compute_keys "$stage"
missing=()
for m in "${functions[@]}"; do [ -f "$(entry_of "$m")" ] || missing+=("$m"); done
if [ ${#missing[@]} -eq 0 ]; then # the checkout changed while being keyed, to sources built before
  deliver "$(entry_of "$module")"
  say "lib/$module.jar from the build cache (key $(key_of "$module" | cut -c1-12))"
  exit 0
fi
modules="$(IFS=,; echo "${missing[*]}")"
say "building ${modules//,/, } in one Maven run: $MVN $MVN_ARGS -pl $modules -am package"
maven_start="$(date +%s)"
# C1 only for Maven's own JVM (javac runs in it): a build this short spends about half its CPU time in C2 compiling
# Maven itself (measured: 17-19 s of CPU against 30-34 s). It changes no byte of the jars.
# shellcheck disable=SC2086 # MVN and MVN_ARGS are word lists, as in the Makefile
if ! (cd "$stage" && MAVEN_OPTS="-XX:TieredStopAtLevel=1 ${MAVEN_OPTS:-}" $MVN $MVN_ARGS -pl "$modules" -am package); then
  for m in "${missing[@]}"; do date +%s > "$cache/failed/$m-$(key_of "$m")"; done
  say "the Maven build failed" >&2
  exit 1
fi
for m in "${missing[@]}"; do
  jar="$stage/$m/target/$m-lambda.jar"
  [ -f "$jar" ] || { say "the build produced no $m/target/$m-lambda.jar" >&2; exit 1; }
  mkdir -p "$cache/jars/$m"
  cp "$jar" "$cache/tmp/$m.$$.jar"
  mv -f "$cache/tmp/$m.$$.jar" "$(entry_of "$m")"
  rm -f "$cache/failed/$m-$(key_of "$m")"
  # Keep the most recently used jars of the module only.
  # shellcheck disable=SC2012 # names are <hex>.jar: no spaces or newlines
  ls -t "$cache/jars/$m"/*.jar | tail -n +$((keep + 1)) | while IFS= read -r old; do rm -f "$old"; done
done
deliver "$(entry_of "$module")"
say "lib/$module.jar built (key $(key_of "$module" | cut -c1-12); the Maven run took $(( $(date +%s) - maven_start )) s)"
