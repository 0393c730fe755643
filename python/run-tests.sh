#!/usr/bin/env bash
# The Python package's tests, from nothing installed by hand: a virtual
# environment with maturin, pandas, pyarrow, pytest and pyspark from the
# Python package registry, the wheel built from this crate and installed,
# the CLI built (the tests compare with it), then pytest.
#
#   bash python/run-tests.sh            # reuses python/.venv if it is there
#   bash python/run-tests.sh --clean    # a fresh virtual environment
#
# Needs python3 (3.9+) with venv, the Rust toolchain, and Java 17+ for Spark.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="${STANCEDIFF_VENV:-$here/.venv}"
started=$(date +%s)

if [ "${1:-}" = "--clean" ]; then
    rm -rf "$venv"
    shift
fi

# Spark needs Java 17 or later: say so plainly rather than fail in a JVM stack trace.
if ! command -v java >/dev/null 2>&1; then
    echo "python/run-tests.sh: Java 17+ is needed for the Spark tests (apt-get install openjdk-17-jre-headless)" >&2
    exit 1
fi
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [ "${java_major:-0}" -lt 17 ]; then
    echo "python/run-tests.sh: Java ${java_major:-?} found; Spark 4 needs Java 17 or later" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    'maturin>=1.5,<2' 'pandas>=2.2' 'pyarrow>=15' 'pytest>=7' 'pyspark>=4.0'

# The CLI the tests compare with, and the wheel, share one target folder so
# the main crate's dependencies are compiled once.
export CARGO_TARGET_DIR="$root/target"
(cd "$root" && cargo build --release --quiet --bin stancediff)
rm -rf "$here/dist"
(cd "$here" && "$venv/bin/maturin" build --release --quiet -o "$here/dist" -i "$venv/bin/python")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$here"/dist/stancediff-*.whl

export STANCEDIFF_BIN="$root/target/release/stancediff"
export PYSPARK_PYTHON="$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$venv/bin/python"
# Run from the tests folder with the venv's pytest, so the installed wheel
# (not the source folder python/stancediff, which has no compiled module) is imported.
cd "$here/tests"
rc=0
"$venv/bin/pytest" -q -p no:cacheprovider "${@:-.}" || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "python/run-tests.sh: pytest collected no tests: that is a failure" >&2
    rc=1
fi
echo "python/run-tests.sh: finished in $(( $(date +%s) - started ))s (pytest exit $rc)"
exit "$rc"
