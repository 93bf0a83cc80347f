#!/usr/bin/env bash
# Builds EDoc and runs every test project once; the last line is "N passed, N failed".
#
#   ./test.sh                                   the whole solution
#   EDOC_TEST_TARGET=tests/EDoc.System.Tests ./test.sh   one project (or another .sln/.csproj)
#   EDOC_TEST_FILTER='FullyQualifiedName~Storage' ./test.sh
#   EDOC_SKIP_BENCH=1 ./test.sh                 skip the benchmark smoke run
#
# Exits non-zero when the build fails, a test fails, a test host crashes or hangs, or no test ran at all.
set -euo pipefail

# Debian packages the tests start or drive: private PostgreSQL and Redis servers (tests/EDoc.Testing), tmux for
# the console's screen tests, poppler-utils (pdftotext, pdftoppm) for PDFs, zbar-tools (zbarimg) to read a PDF's QR
# code back, chromium to load the certificate verify page headless. Add new ones here.
PACKAGES="postgresql redis-server tmux poppler-utils zbar-tools chromium"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

TARGET="${EDOC_TEST_TARGET:-EDoc.sln}"
CONFIGURATION="${EDOC_TEST_CONFIGURATION:-Release}"
FILTER="${EDOC_TEST_FILTER:-}"
# A single test that runs this long is stuck: vstest kills its host and the run goes on, well inside CI's 90 minutes.
HANG_TIMEOUT="${EDOC_TEST_HANG_TIMEOUT:-15m}"
RESULTS="$ROOT/TestResults"

log() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

install_packages() {
    local missing=() package
    for package in $PACKAGES; do
        if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi

    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "missing packages (${missing[*]}): run as root or install sudo"
        sudo=(sudo)
    fi
    log "installing ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

find_dotnet() {
    if ! command -v dotnet >/dev/null && [ -x "$HOME/.dotnet/dotnet" ]; then
        export PATH="$HOME/.dotnet:$PATH"
    fi
    command -v dotnet >/dev/null ||
        die "the .NET SDK (dotnet) is not installed or not on PATH; install the SDK that global.json names"
}

# Sums the <Counters> of every TRX file, prints one line per test assembly, and sets PASSED, FAILED, SKIPPED,
# ABORTED. Plain grep/sed, so it needs neither python nor an XML tool.
summarise() {
    PASSED=0 FAILED=0 SKIPPED=0 ABORTED=0
    local trx counters source passed failed errors timeouts skipped
    local -a files=()
    while IFS= read -r -d '' trx; do files+=("$trx"); done < <(find "$RESULTS" -name '*.trx' -print0 | sort -z)

    echo
    echo "Test results by assembly:"
    for trx in "${files[@]}"; do
        counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
        source="$(assembly_of "$trx")"
        passed="$(attribute passed "$counters")"
        failed="$(attribute failed "$counters")"
        errors="$(attribute error "$counters")"
        timeouts="$(attribute timeout "$counters")"
        skipped=$(($(attribute total "$counters") - $(attribute executed "$counters")))
        failed=$((failed + errors + timeouts))

        local note=""
        if grep -q 'The active test run was aborted\|Testhost process for source' "$trx"; then
            # The test host crashed, hung (blame-hang killed it) or never started: the tests it did not report
            # are missing from the counts, so the run itself counts as one failure.
            ABORTED=$((ABORTED + 1))
            failed=$((failed + 1))
            note="  (run aborted, counted as 1 failure: see $(basename "$trx"))"
        fi
        PASSED=$((PASSED + passed))
        FAILED=$((FAILED + failed))
        SKIPPED=$((SKIPPED + skipped))
        printf '  %-28s passed %5d   failed %4d   skipped %4d%s\n' "$source" "$passed" "$failed" "$skipped" "$note"
    done
    [ ${#files[@]} -gt 0 ] || echo "  (no results: no test project ran)"
}

# The test assembly a TRX file reports on: from its tests, else from the messages of a run without tests or whose
# host crashed or never started, else the file's own name.
assembly_of() {
    local trx="$1" name
    name="$(grep -o 'codeBase="[^"]*"' "$trx" | head -n 1 | sed 's/^codeBase="//; s/"$//' || true)"
    [ -n "$name" ] || name="$(grep -o "source(s) '[^']*'" "$trx" | head -n 1 | sed "s/^source(s) '//; s/'\$//" || true)"
    [ -n "$name" ] || name="$(grep -o 'No test is available in [^ ]*\.dll' "$trx" | head -n 1 | sed 's/^No test is available in //' || true)"
    [ -n "$name" ] || name="$(grep -o 'Starting: *[^ <]*' "$trx" | head -n 1 | sed 's/^Starting: *//' || true)"
    name="$(basename "${name:-$trx}")"
    name="${name%.dll}"
    echo "${name%.trx}"
}

# One line per failed test, with the first line of its message, so that the last lines of a run (all a CI log may
# keep) say which tests failed and why.
list_failures() {
    local -a files=()
    while IFS= read -r -d '' trx; do files+=("$trx"); done < <(find "$RESULTS" -name '*.trx' -print0 | sort -z)
    [ ${#files[@]} -gt 0 ] || return 0
    awk '
        /<UnitTestResult / && /outcome="Failed"/ {
            name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); waiting = 1; next
        }
        waiting && /<Message>/ {
            message = $0; sub(/.*<Message>/, "", message); sub(/<\/Message>.*/, "", message)
            printf "  FAILED %s: %s\n", name, substr(message, 1, 300); waiting = 0
        }
        waiting && /<\/UnitTestResult>/ { printf "  FAILED %s\n", name; waiting = 0 }
    ' "${files[@]}"
}

attribute() {
    local value
    value="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\\([0-9]*\\)\".*/\\1/p")"
    echo "${value:-0}"
}

# The benchmark harness runs once in --quick mode to prove it works end to end; its figures are printed, never judged
# (a shared CI machine is no place for timing thresholds). It counts as one test in the totals.
bench_smoke() {
    if [ "${EDOC_SKIP_BENCH:-}" = "1" ] || [ -n "$FILTER" ] || [ "$TARGET" != "EDoc.sln" ]; then
        return
    fi
    log "benchmark smoke run: dotnet run -c $CONFIGURATION --project tools/EDoc.Bench -- --quick"
    if dotnet run -c "$CONFIGURATION" --no-build --project tools/EDoc.Bench -- --quick; then
        PASSED=$((PASSED + 1))
        printf '  %-28s passed %5d   failed %4d\n' "EDoc.Bench --quick" 1 0
    else
        FAILED=$((FAILED + 1))
        printf '  %-28s passed %5d   failed %4d   (the harness broke)\n' "EDoc.Bench --quick" 0 1
    fi
}

install_packages
find_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "dotnet build $TARGET -c $CONFIGURATION"
if ! dotnet build "$TARGET" -c "$CONFIGURATION"; then
    die "build failed"
fi

rm -rf "$RESULTS"
# -m:1 runs the test assemblies one after another. On CI's 2 cores xunit already runs each assembly's test
# collections in parallel, and each assembly starts its own PostgreSQL with fsync on: running assemblies side by
# side would only oversubscribe the cores and the disk and turn timing-sensitive tests flaky.
test_args=(
    "$TARGET" -c "$CONFIGURATION" --no-build -m:1
    --logger trx --results-directory "$RESULTS"
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none
)
if [ -n "$FILTER" ]; then
    test_args+=(--filter "$FILTER")
fi
log "dotnet test ${test_args[*]}"
test_status=0
dotnet test "${test_args[@]}" || test_status=$?

summarise
bench_smoke
if [ "$FAILED" -gt 0 ]; then
    echo
    echo "Failed tests:"
    list_failures
fi
status=0
if [ "$FAILED" -gt 0 ]; then
    status=1
fi
if [ "$ABORTED" -gt 0 ]; then
    echo "error: $ABORTED test run(s) aborted" >&2
    status=1
fi
if [ "$test_status" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
    echo "error: dotnet test exited with code $test_status" >&2
    status=1
fi
if [ $((PASSED + FAILED)) -eq 0 ]; then
    echo "error: no test ran" >&2
    status=1
fi
echo
echo "$PASSED passed, $FAILED failed"
exit "$status"
