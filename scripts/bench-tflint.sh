#!/usr/bin/env bash
# Times tflint and chainlint on the same generated Terraform tree, taking
# turns, and prints the median of each and their ratio. chainlint does the
# chain analysis tflint does not; the goal is chainlint ≤ 0.5× tflint.
#
#   scripts/bench-tflint.sh [SERVICES] [ROUNDS]     (default 10000 services, 5 rounds)
#
# It installs tflint from the Go module proxy (pinned) into a scratch
# GOBIN, builds chainlint, and generates the tree with internal/synth.
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-10000}
rounds=${2:-5}
tflint_version=v0.64.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "installing tflint $tflint_version (once; it takes a few minutes)…" >&2
GOBIN="$work/bin" go install "github.com/terraform-linters/tflint@$tflint_version"
go build -o "$work/bin/chainlint" ./cmd/chainlint
go run -tags synth ./internal/synth -services "$services" -format terraform -seed 1 -out "$work/tree"
cat > "$work/tree/.tflint.hcl" <<'HCL'
plugin "terraform" {
  enabled = true
  preset  = "recommended"
}
HCL

# One run, timed in milliseconds; exit statuses are findings, not errors.
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$work/tflint.ms"
: > "$work/chainlint.ms"
for i in $(seq "$rounds"); do
  time_ms "$work/bin/tflint" --chdir="$work/tree" --format=compact >> "$work/tflint.ms"
  time_ms "$work/bin/chainlint" "$work/tree" --fail-on none >> "$work/chainlint.ms"
done
t=$(median < "$work/tflint.ms")
c=$(median < "$work/chainlint.ms")
echo "services:  $services ($(du -sh "$work/tree" | cut -f1) of Terraform), $rounds rounds each, taking turns"
echo "tflint:    ${t} ms (median)"
echo "chainlint: ${c} ms (median)"
awk -v c="$c" -v t="$t" 'BEGIN { printf "ratio:     chainlint / tflint = %.2f\n", c / t }'
