#!/usr/bin/env bash
# Proves that `sam build` works on a fresh clone and packages what `./mvnw package` builds, without SAM CLI or Docker.
# For each function of template.yaml it does what SAM CLI's makefile builder does (aws-lambda-builders' custom_make
# workflow, run by SAM CLI's app_builder):
#   - copies the repository (tracked and untracked files, as a fresh clone plus local changes would have them; no
#     .git, no target/, no node_modules/, nothing git ignores) to a new scratch directory,
#   - runs `make --makefile <repo>/Makefile build-<Function>` there, with ARTIFACTS_DIR in the environment,
# with a build cache of its own (LAMBDA_BUILD_CACHE, empty at the start; see scripts/build-function.sh), so the first
# function builds all the function jars in one Maven run and the others must come from the cache. Then it checks:
#   1. each artifact: lib/<module>.jar only, holding the handler class, the common classes, the DynamoDB client
#      (low-level and enhanced) with the URL-connection HTTP client, the Lambda event classes and Powertools logging;
#      no Netty, no Apache HTTP client, no other function's handler; at most 10 MB (10,000,000 bytes);
#   2. each artifact is the jar a plain `./mvnw package` leaves in <module>/target/ (built in another copy): the same
#      entries with the same contents (CRC-32), and byte-identical, since the build is reproducible
#      (project.build.outputTimestamp);
#   3. the cache keys: a change in common changes every function's key, a change in one function module only that
#      function's key, a change in a module the functions don't build on (local-api) none; MVN_ARGS is in every key;
#   4. no stale artifact: after a new class is added to one function module, make builds that function again (its jar
#      holds the class) while another function still comes from the cache, byte-identical.
# The Makefile is the original one and the working directory the scratch copy, as in SAM CLI (app_builder.py and
# custom_make/actions.py: the manifest path comes from the source tree, the build runs in the scratch directory).
#
#   usage: scripts/check-sam-build.sh [--keep] [FunctionLogicalId ...]     (default: all five functions)
# Exits non-zero if any build or check fails. Needs git, make, unzip, tar and a JDK 25+ (JAVA_HOME or on PATH).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
max_bytes=10000000

# function logical id | module | handler class (as in template.yaml's Handler, before ::)
functions=(
  "CreateTodoFunction|create-todo|io.todoapi.todo.create.CreateTodoHandler"
  "ListTodosFunction|list-todos|io.todoapi.todo.list.ListTodosHandler"
  "GetTodoFunction|get-todo|io.todoapi.todo.get.GetTodoHandler"
  "UpdateTodoFunction|update-todo|io.todoapi.todo.update.UpdateTodoHandler"
  "DeleteTodoFunction|delete-todo|io.todoapi.todo.delete.DeleteTodoHandler"
)

keep=false
selected=()
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) selected+=("$arg") ;;
  esac
done

for tool in git make unzip tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/check-sam-build.XXXXXX")"
cleanup() { if [ "$keep" = true ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
export LAMBDA_BUILD_CACHE="$work/cache"

# The files a fresh clone would have, plus local changes: tracked and untracked-but-not-ignored files that exist.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard) \
  | tr '\0' '\n' \
  | grep -v -E '(^|/)(target|node_modules|\.aws-sam)(/|$)' \
  | while IFS= read -r file; do [ -f "$repo/$file" ] && printf '%s\0' "$file"; done \
  > "$work/files"
(cd "$repo" && tar --null -T "$work/files" -cf "$work/source.tar")
echo "== scratch copies from $(tr -cd '\0' < "$work/files" | wc -c) files of $repo"

failures=0
summary=()
total_start=$(date +%s)
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); ok=false; }
fresh_copy() { rm -rf "$1"; mkdir -p "$1"; tar -xf "$work/source.tar" -C "$1"; }
# make build-<Function> as SAM runs it: in the scratch copy $2, with the repository's Makefile; output in $work/$3.log.
sam_make() {
  local fn="$1" scratch="$2" log="$work/$3.log"
  mkdir -p "$work/artifacts/$3"
  (cd "$scratch" && ARTIFACTS_DIR="$work/artifacts/$3" make --makefile "$repo/Makefile" "build-$fn") > "$log" 2>&1
}
came_from_cache() { grep -q 'from the build cache' "$work/$1.log"; }

built=()      # "fn|module|handler" of the functions built in step 1
for entry in "${functions[@]}"; do
  IFS='|' read -r fn module handler <<<"$entry"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $fn "* ]]; then
    continue
  fi
  ok=true
  scratch="$work/scratch-$fn"
  artifacts="$work/artifacts/$fn"
  fresh_copy "$scratch"

  echo "== $fn: make build-$fn (module $module)"
  start=$(date +%s)
  if ! sam_make "$fn" "$scratch" "$fn"; then
    fail "make build-$fn failed; last lines of its output:"
    tail -n 40 "$work/$fn.log" | sed 's/^/    /'
    summary+=("$(printf '%-20s %-12s %12s  %s' "$fn" "$module" "-" "BUILD FAILED")")
    continue
  fi
  seconds=$(( $(date +%s) - start ))
  # One Maven run for all functions: every function after the first one must come from the cache.
  source="built"
  if came_from_cache "$fn"; then source="from the cache"; fi
  if [ ${#built[@]} -gt 0 ] && [ "$source" = built ]; then fail "built again instead of coming from the build cache"; fi
  built+=("$entry")

  jar="$artifacts/lib/$module.jar"
  extra="$(cd "$artifacts" && find . -mindepth 1 \( -type f -o -type l \) ! -path "./lib/$module.jar" | sort)"
  [ -z "$extra" ] || fail "the artifact holds more than lib/$module.jar: $extra"
  if [ ! -f "$jar" ]; then
    fail "no lib/$module.jar in the artifact"
    summary+=("$(printf '%-20s %-12s %12s  %s' "$fn" "$module" "-" "NO JAR")")
    continue
  fi

  unzip -Z1 "$jar" > "$work/$fn.entries"
  has() { grep -q -x -F "$1" "$work/$fn.entries"; }
  has_prefix() { grep -q "^$1" "$work/$fn.entries"; }
  has "${handler//.//}.class" || fail "no handler class ${handler//.//}.class"
  for common_class in io/todoapi/todo/model/Todo.class io/todoapi/todo/http/RequestPipeline.class \
                      io/todoapi/todo/repository/DynamoDbTodoRepository.class; do
    has "$common_class" || fail "no common class $common_class"
  done
  for dependency_class in software/amazon/awssdk/services/dynamodb/DynamoDbClient.class \
                          software/amazon/awssdk/enhanced/dynamodb/DynamoDbEnhancedClient.class \
                          software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class \
                          com/amazonaws/services/lambda/runtime/RequestHandler.class \
                          com/amazonaws/services/lambda/runtime/events/APIGatewayProxyRequestEvent.class \
                          software/amazon/lambda/powertools/logging/PowertoolsLogging.class; do
    has "$dependency_class" || fail "no dependency class $dependency_class"
  done
  for banned in io/netty/ org/apache/http/ org/apache/hc/; do
    if has_prefix "$banned"; then fail "contains $banned classes ($(grep -c "^$banned" "$work/$fn.entries") entries)"; fi
  done
  # Other functions' handlers must not be there either: one function, one artifact.
  others="$(grep -E '^io/todoapi/todo/(create|list|get|update|delete)/[A-Za-z]+Handler\.class$' "$work/$fn.entries" \
            | grep -v -x -F "${handler//.//}.class" || true)"
  [ -z "$others" ] || fail "contains other functions' handlers: $others"

  bytes=$(wc -c < "$jar")
  size="$(awk -v b="$bytes" 'BEGIN { printf "%.2f MB", b / 1000000 }')"
  [ "$bytes" -le "$max_bytes" ] || fail "lib/$module.jar is $bytes bytes ($size), over the 10 MB target"
  classes=$(grep -c '\.class$' "$work/$fn.entries" || true)
  status=$([ "$ok" = true ] && echo ok || echo FAILED)
  echo "  lib/$module.jar: $bytes bytes ($size), $classes classes, $source in ${seconds}s: $status"
  grep -h -o 'the Maven run took.*' "$work/$fn.log" | sed 's/^/  (/' || true
  summary+=("$(printf '%-20s %-12s %12s  %-10s %-15s %s' "$fn" "$module" "$bytes" "$size" "$source" "$status")")
done

# "<name> <crc32> <size>" per entry of a jar, sorted: its contents, whatever the zip metadata (unzip -v columns:
# Length Method Size Cmpr Date Time CRC-32 Name).
jar_contents() {
  unzip -v "$1" | awk 'NF >= 8 && length($7) == 8 && $7 ~ /^[0-9a-f]+$/ {
      name = $8; for (i = 9; i <= NF; i++) name = name " " $i; print name, $7, $1 }' | LC_ALL=C sort
}

if [ ${#built[@]} -gt 0 ]; then
  modules="$(for entry in "${built[@]}"; do IFS='|' read -r _ module _ <<<"$entry"; printf '%s,' "$module"; done)"
  modules="${modules%,}"
  echo "== the same jars as ./mvnw package: -pl $modules -am package in another copy"
  reference="$work/scratch-reference"
  fresh_copy "$reference"
  start=$(date +%s)
  # C1-only Maven JVM, as scripts/build-function.sh runs it: the JIT changes how fast Maven runs, not what it writes.
  if ! (cd "$reference" && MAVEN_OPTS="-XX:TieredStopAtLevel=1 ${MAVEN_OPTS:-}" \
          ./mvnw -B -ntp -q -DskipTests -Ddynalite.skipInstall -pl "$modules" -am package) > "$work/reference.log" 2>&1; then
    echo "  FAIL: ./mvnw package failed; last lines of its output:"; failures=$((failures + 1))
    tail -n 40 "$work/reference.log" | sed 's/^/    /'
  else
    echo "  built in $(( $(date +%s) - start ))s"
    for entry in "${built[@]}"; do
      IFS='|' read -r fn module _ <<<"$entry"
      ok=true
      ours="$work/artifacts/$fn/lib/$module.jar"
      theirs="$reference/$module/target/$module-lambda.jar"
      [ -f "$ours" ] || continue
      if ! diff <(jar_contents "$ours") <(jar_contents "$theirs") > "$work/$fn.diff"; then
        fail "$fn: lib/$module.jar differs from ./mvnw package's $module/target/$module-lambda.jar:"
        head -n 20 "$work/$fn.diff" | sed 's/^/    /'
      elif ! cmp -s "$ours" "$theirs"; then
        fail "$fn: lib/$module.jar has the same entries as ./mvnw package's jar but other bytes (not reproducible?)"
      else
        echo "  $fn: lib/$module.jar is byte-identical to $module/target/$module-lambda.jar"
      fi
    done
  fi

  echo "== cache keys (scripts/build-function.sh --keys) follow the sources"
  keyed="$work/scratch-keys"
  fresh_copy "$keyed"
  keys() { (cd "$keyed" && MVN_ARGS="" scripts/build-function.sh --keys); }
  # $1: what changed; $2: the modules whose key must change (all others must not).
  expect_keys() {
    local after changed
    after="$(keys)"
    changed="$( { diff <(echo "$before") <(echo "$after") || true; } | sed -n 's/^> \([a-z-]*\) .*/\1/p' | tr '\n' ' ')"
    if [ "${changed% }" = "$2" ]; then echo "  $1: keys changed for ${2:-none}"
    else echo "  FAIL: $1: expected keys to change for '${2:-none}', changed for '${changed% }'"; failures=$((failures + 1)); fi
    before="$after"
  }
  touch_source() { mkdir -p "$keyed/$1/src/main/java"; echo "// check-sam-build" >> "$keyed/$1/src/main/java/KeyProbe.java"; }
  before="$(keys)"
  touch_source common
  expect_keys "a change in common" "create-todo list-todos get-todo update-todo delete-todo"
  touch_source update-todo
  expect_keys "a change in update-todo" "update-todo"
  touch_source local-api
  expect_keys "a change in local-api's sources" ""
  before_args="$before"
  before="$(cd "$keyed" && MVN_ARGS="-B -ntp" scripts/build-function.sh --keys)"
  if [ -z "$(comm -12 <(echo "$before" | sort) <(echo "$before_args" | sort))" ]; then
    echo "  other MVN_ARGS: every key changed"
  else
    echo "  FAIL: other MVN_ARGS did not change every key"; failures=$((failures + 1))
  fi

  IFS='|' read -r fn module _ <<<"${built[0]}"
  echo "== no stale artifact: a new class in $module, then make build-$fn again (same cache)"
  changed="$work/scratch-changed"
  fresh_copy "$changed"
  probe="CheckSamBuildProbe$(date +%s)"
  mkdir -p "$changed/$module/src/main/java"
  echo "final class $probe { }" > "$changed/$module/src/main/java/$probe.java"
  ok=true
  if ! sam_make "$fn" "$changed" "$fn-changed"; then
    fail "make build-$fn failed after the change; last lines:"; tail -n 40 "$work/$fn-changed.log" | sed 's/^/    /'
  else
    came_from_cache "$fn-changed" && fail "$fn came from the cache after a change to its module: stale"
    grep -q "building $module in one Maven run" "$work/$fn-changed.log" \
      || fail "the rebuild after a change to $module built more than $module"
    unzip -Z1 "$work/artifacts/$fn-changed/lib/$module.jar" > "$work/$fn-changed.entries"
    grep -q -x -F "$probe.class" "$work/$fn-changed.entries" \
      || fail "$fn: lib/$module.jar has no $probe.class after the change"
    [ "$ok" = true ] && echo "  $fn: built again, lib/$module.jar holds $probe.class"
  fi
  if [ ${#built[@]} -gt 1 ]; then
    IFS='|' read -r other_fn other_module _ <<<"${built[1]}"
    ok=true
    if ! sam_make "$other_fn" "$changed" "$other_fn-changed"; then
      fail "make build-$other_fn failed after the change"; tail -n 40 "$work/$other_fn-changed.log" | sed 's/^/    /'
    else
      came_from_cache "$other_fn-changed" || fail "$other_fn was built again though its sources did not change"
      cmp -s "$work/artifacts/$other_fn-changed/lib/$other_module.jar" "$work/artifacts/$other_fn/lib/$other_module.jar" \
        || fail "$other_fn: lib/$other_module.jar changed though its sources did not"
      [ "$ok" = true ] && echo "  $other_fn: from the cache, byte-identical to step 1"
    fi
  fi
fi

echo
echo "== artifacts (limit $max_bytes bytes = 10 MB); total time $(( $(date +%s) - total_start ))s"
printf '%-20s %-12s %12s  %s\n' "function" "module" "bytes" "size / source / result"
printf '%s\n' "${summary[@]}"
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures problem(s)"
  exit 1
fi
echo "OK: every function builds from a fresh copy exactly as sam build runs it, once for all; its artifact passes the" \
     "checks and is the jar ./mvnw package builds; the build cache follows every source change"
