#!/usr/bin/env bash
# Whole-process benchmark: chainlint as a process against the parse floor
# as a process (bench/floor: encoding/json into any, yaml.v3 into a
# yaml.Node, hclsyntax.ParseConfig, the VCL lexer) on synthetic estates,
# taking turns, and optionally against tflint. Prints, per format and size,
# the medians, lint/floor (ratio: of the medians; pair: the median of each
# round's ratio), growth per doubling and peak RSS against the memory
# goal (3 × input + 50 MiB). The README's performance table comes from it.
#
#   scripts/bench-process.sh [ROUNDS] [SIZES...]
#       ROUNDS  runs of each command, taking turns (default 5)
#       SIZES   services per estate (default 1000 2000 4000 8000 16000)
#   FORMATS="json yaml terraform"   which formats (default all three)
#   TFLINT=1                        also time tflint v0.64.0 (installed from
#                                   the Go module proxy) on the Terraform
#                                   estates of 10,000 services or more
#   HEAVY_VCL=1                     every VCL service uploads a 10 KB custom
#                                   main VCL (synth -heavy-vcl): the VCL
#                                   model's cost, against the same floor
#   CHAINLINT_FLAGS="..."           extra flags for chainlint
#   GOMEMLIMIT=...                  passed through: compare with and without
#                                   a limit
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 2000 4000 8000 16000)
formats=${FORMATS:-"json yaml terraform"}
tflint_version=v0.64.0
# shellcheck source=scripts/bench-build.sh
. scripts/bench-build.sh
if [ "${TFLINT:-}" = 1 ]; then
  echo "installing tflint $tflint_version (once; it takes a few minutes)…" >&2
  GOBIN="$work/bin" go install "github.com/terraform-linters/tflint@$tflint_version"
fi

# run OUT CMD...: one run; appends "milliseconds peak-RSS-KiB" to OUT.
# Exit statuses are findings, not errors.
run() {
  local out=$1 start end
  shift
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss")" >> "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-10s %7s %9s %9s %10s %6s %6s %7s %9s %9s %s\n' format services input_MB floor_ms chainlint_ms ratio pair growth rss_MiB goal_MiB tflint
for format in $formats; do
  synth_format=$format
  [ "$format" = json ] && synth_format=bundle
  prev=""
  for n in "${sizes[@]}"; do
    dir="$work/$format-$n"
    heavy=()
    [ "${HEAVY_VCL:-}" = 1 ] && heavy=(-heavy-vcl)
    "$work/bin/synth" -services "$n" -format "$synth_format" -seed 1 "${heavy[@]}" -out "$dir"
    bytes=$(du -sb "$dir" | cut -f1)
    : > "$work/floor.ms"
    : > "$work/lint.ms"
    : > "$work/tflint.ms"
    [ "$format" = terraform ] && printf 'plugin "terraform" {\n  enabled = true\n  preset  = "recommended"\n}\n' > "$work/.tflint.hcl"
    for _ in $(seq "$rounds"); do
      run "$work/floor.ms" "$work/bin/floor" "$dir"
      # shellcheck disable=SC2086
      run "$work/lint.ms" "$work/bin/chainlint" --fail-on none --quiet ${CHAINLINT_FLAGS:-} "$dir"
      if [ "${TFLINT:-}" = 1 ] && [ "$format" = terraform ] && [ "$n" -ge 10000 ]; then
        run "$work/tflint.ms" "$work/bin/tflint" --chdir="$dir" --config="$work/.tflint.hcl" --format=compact
      fi
    done
    f=$(cut -d' ' -f1 "$work/floor.ms" | median)
    c=$(cut -d' ' -f1 "$work/lint.ms" | median)
    rss=$(cut -d' ' -f2 "$work/lint.ms" | sort -n | tail -n 1)
    # The median of each round's own ratio: the machine's speed drifts
    # between rounds (by a quarter within minutes on a shared machine),
    # and a round's two runs, back to back, see the same speed.
    pair=$(paste -d' ' "$work/floor.ms" "$work/lint.ms" | awk '{ printf "%.4f\n", $3 / ($1 > 0 ? $1 : 1) }' | median)
    t=-
    [ -s "$work/tflint.ms" ] && t=$(cut -d' ' -f1 "$work/tflint.ms" | median)
    growth=-
    [ -n "$prev" ] && growth=$(awk -v c="$c" -v p="$prev" 'BEGIN { printf "%.2f", c / p }')
    label=$format
    [ "${HEAVY_VCL:-}" = 1 ] && label=$format+vcl
    awk -v fmt="$label" -v n="$n" -v b="$bytes" -v f="$f" -v c="$c" -v p="$pair" -v g="$growth" -v r="$rss" -v t="$t" 'BEGIN {
      tf = "-"; if (t != "-") tf = sprintf("%d ms (%.2f×)", t, c / t)
      printf "%-10s %7d %9.1f %9d %10d %6.2f %6.2f %7s %9.1f %9.1f %s\n", fmt, n, b / 1e6, f, c, c / f, p, g, r / 1024, 3 * b / 1048576 + 50, tf
    }'
    prev=$c
    rm -rf "$dir"
  done
done
echo "($(nproc) cores, $(go env GOVERSION), $(date -u +%Y-%m-%d); medians of $rounds runs taking turns; peak RSS is the largest of the runs)"
