# Shared by the command-line test scripts (sourced, not run): a scratch folder `$work` removed on
# exit, `check NAME COMMAND...` counting passes and failures, `run EXPECTED_CODE ARGS...` running
# `$frontline` with stdout in $work/out and stderr in $work/err, and `finish` printing
# "N passed, N failed" and failing when any check failed. The sourcing script sets `$frontline`.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

run() {
  local expected=$1
  shift
  "$frontline" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ $code -eq "$expected" ] || { echo "exit $code, expected $expected: $*"; cat "$work/err"; return 1; }
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
