#!/usr/bin/env bash
# Proves that `sam build` works on a fresh clone, without SAM CLI or Docker: for each function of template.yaml it
# does what SAM CLI's makefile builder does (aws-lambda-builders' custom_make workflow, run by SAM CLI's app_builder):
#   - copies the repository (tracked and untracked files, as a fresh clone plus local changes would have them; no
#     .git, no target/, no node_modules/, nothing git ignores) to a new scratch directory,
#   - runs `make --makefile <repo>/Makefile build-<Function>` there, with ARTIFACTS_DIR in the environment,
# then checks the artifact: lib/<module>.jar only, holding the handler class, the common classes, the DynamoDB client
# (low-level and enhanced) with the URL-connection HTTP client, the Lambda event classes and Powertools logging; no
# Netty, no Apache HTTP client, no other function's handler; at most 10 MB (10,000,000 bytes).
# The Makefile is the original one and the working directory the scratch copy, as in SAM CLI (app_builder.py and
# custom_make/actions.py: the manifest path comes from the source tree, the build runs in the scratch directory).
# Each function is a full `-pl <module> -am clean package` that rebuilds common too: SAM runs makefile builds once per
# function and never shares or caches them (samcli/lib/build/build_graph.py), so this is the cost `sam build` has.
#
#   usage: scripts/check-sam-build.sh [--keep] [FunctionLogicalId ...]     (default: all five functions)
# Exits non-zero if any build or check fails. Needs git, make, unzip and a JDK 25+ (JAVA_HOME or on PATH).
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
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) selected+=("$arg") ;;
  esac
done

for tool in git make unzip tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ERROR: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/check-sam-build.XXXXXX")"
cleanup() { if [ "$keep" = true ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

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

for entry in "${functions[@]}"; do
  IFS='|' read -r fn module handler <<<"$entry"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $fn "* ]]; then
    continue
  fi
  ok=true
  scratch="$work/scratch-$fn"
  artifacts="$work/artifacts/$fn"
  mkdir -p "$scratch" "$artifacts"
  tar -xf "$work/source.tar" -C "$scratch"

  echo "== $fn: make build-$fn (module $module)"
  start=$(date +%s)
  if ! (cd "$scratch" && ARTIFACTS_DIR="$artifacts" make --makefile "$repo/Makefile" "build-$fn") \
      > "$work/$fn.log" 2>&1; then
    fail "make build-$fn failed; last lines of its output:"
    tail -n 40 "$work/$fn.log" | sed 's/^/    /'
    summary+=("$(printf '%-20s %-12s %12s  %s' "$fn" "$module" "-" "BUILD FAILED")")
    continue
  fi
  seconds=$(( $(date +%s) - start ))

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
  echo "  lib/$module.jar: $bytes bytes ($size), $classes classes, built in ${seconds}s: $status"
  summary+=("$(printf '%-20s %-12s %12s  %-10s %s' "$fn" "$module" "$bytes" "$size" "$status")")
done

echo
echo "== artifacts (limit $max_bytes bytes = 10 MB); total time $(( $(date +%s) - total_start ))s"
printf '%-20s %-12s %12s  %s\n' "function" "module" "bytes" "size / result"
printf '%s\n' "${summary[@]}"
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures problem(s)"
  exit 1
fi
echo "OK: every function builds from a fresh copy exactly as sam build runs it, and its artifact passes the checks"
