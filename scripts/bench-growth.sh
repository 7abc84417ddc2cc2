#!/usr/bin/env bash
# Growth per doubling, measured so the machine's drift does not decide it:
# every round runs every size (and the parse floor on it), one after the
# other, and a doubling's growth is the median over the rounds of that
# round's own ratio. (scripts/bench-process.sh runs one size's rounds
# after another's: a host that slows down between two sizes moves a single
# doubling by more than the goal's margin.) Next to each growth, the
# middle half of the rounds' ratios (25th to 75th percentile) shows how
# far the machine moved it: on a shared 2-core host nine rounds of the
# same binary gave Terraform medians from 2.04 to 2.13, fifteen rounds a
# narrower spread.
#
#   scripts/bench-growth.sh [ROUNDS] [SIZES...]
#       ROUNDS  rounds (default 15)
#       SIZES   services per estate, each double the one before
#               (default 4000 8000 16000)
#   FORMATS="json yaml terraform"   which formats (default terraform)
#   NO_GC=1                         also run chainlint with GOGC=off: the
#                                   growth of its own work, without the
#                                   collector the memory goal paces
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(4000 8000 16000)
formats=${FORMATS:-terraform}
# shellcheck source=scripts/bench-build.sh
. scripts/bench-build.sh

# ms CMD...: the wall time of one run, in milliseconds (exit statuses are
# findings, not errors).
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# spread: the median and the 25th–75th percentile of numbers, "m (lo–hi)".
spread() { sort -n | awk '{a[NR]=$1} END {printf "%.2f (%.2f–%.2f)", a[int((NR+1)/2)], a[int((NR+3)/4)], a[int((3*NR+1)/4)]}'; }

kinds=(lint floor)
[ "${NO_GC:-}" = 1 ] && kinds=(lint nogc floor)
printf '%-10s %-7s %s\n' format kind "median ms by size; growth per doubling: median of each round's ratio (25th–75th percentile)"
for format in $formats; do
  synth_format=$format
  [ "$format" = json ] && synth_format=bundle
  for n in "${sizes[@]}"; do
    "$work/bin/synth" -services "$n" -format "$synth_format" -seed 1 -out "$work/$format-$n"
    for k in "${kinds[@]}"; do : > "$work/$k-$n"; done
  done
  for _ in $(seq "$rounds"); do
    for n in "${sizes[@]}"; do
      dir="$work/$format-$n"
      ms "$work/bin/chainlint" --fail-on none --quiet "$dir" >> "$work/lint-$n"
      if [ "${NO_GC:-}" = 1 ]; then
        GOGC=off ms "$work/bin/chainlint" --fail-on none --quiet "$dir" >> "$work/nogc-$n"
      fi
      ms "$work/bin/floor" "$dir" >> "$work/floor-$n"
    done
  done
  for k in "${kinds[@]}"; do
    line=""
    prev=""
    for n in "${sizes[@]}"; do
      line+="$n: $(median < "$work/$k-$n") ms"
      if [ -n "$prev" ]; then
        line+=" ×$(paste -d' ' "$work/$k-$prev" "$work/$k-$n" | awk '{ printf "%.4f\n", $2 / ($1 > 0 ? $1 : 1) }' | spread)"
      fi
      line+="  "
      prev=$n
    done
    printf '%-10s %-7s %s\n' "$format" "$k" "$line"
  done
  rm -rf "$work/$format"-*
done
echo "($(nproc) cores, $(go env GOVERSION), $(date -u +%Y-%m-%d); $rounds rounds, sizes taking turns in each)"
