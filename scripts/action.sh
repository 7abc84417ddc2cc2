#!/usr/bin/env bash
# The GitHub Action's step (action.yml): install chainlint, lint, write
# SARIF and the job summary, and exit with chainlint's status.
#
# Inputs (environment): INPUT_PATHS, INPUT_FORMAT, INPUT_FAIL_ON,
# INPUT_VERSION, INPUT_SARIF_FILE, INPUT_ARGS; ACTION_PATH (the action's
# checkout). GitHub sets GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP,
# RUNNER_OS and RUNNER_ARCH. CHAINLINT_BIN names a chainlint binary to use
# as it is (tests).
set -euo pipefail
action_path=${ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=${RUNNER_TEMP:-$(mktemp -d)}
bin=${CHAINLINT_BIN:-}

if [ -z "$bin" ] && [ -n "${INPUT_VERSION:-}" ]; then
  # A release: download its archive and check it against the release's
  # checksums before running it.
  v=${INPUT_VERSION#v}
  case "${RUNNER_OS:-Linux}" in
    Linux) os=linux ;; macOS) os=darwin ;; Windows) os=windows ;;
    *) echo "chainlint action: unsupported runner OS ${RUNNER_OS}" >&2; exit 2 ;;
  esac
  case "${RUNNER_ARCH:-X64}" in
    X64) arch=amd64 ;; ARM64) arch=arm64 ;;
    *) echo "chainlint action: unsupported runner architecture ${RUNNER_ARCH}" >&2; exit 2 ;;
  esac
  ext=tar.gz
  [ "$os" = windows ] && ext=zip
  archive="chainlint_${v}_${os}_${arch}.${ext}"
  base="https://github.com/chainlint/chainlint/releases/download/v${v}"
  (
    cd "$tmp"
    curl -sSfLO "$base/$archive"
    curl -sSfLO "$base/chainlint_${v}_checksums.txt"
    grep " ${archive}\$" "chainlint_${v}_checksums.txt" | sha256sum -c -
    if [ "$ext" = zip ]; then unzip -oq "$archive" chainlint.exe; else tar -xzf "$archive" chainlint; fi
  )
  bin="$tmp/chainlint"
  [ "$os" = windows ] && bin="$tmp/chainlint.exe"
elif [ -z "$bin" ]; then
  # No release named: build the action's own checkout (the ref the
  # workflow pinned with uses: chainlint/chainlint@REF).
  (cd "$action_path" && go build -trimpath -o "$tmp/chainlint" ./cmd/chainlint)
  bin="$tmp/chainlint"
fi
"$bin" --version

sarif=${INPUT_SARIF_FILE:-chainlint.sarif}
summary="$tmp/chainlint-summary.md"
args=(--output "sarif=$sarif" --output "markdown=$summary" --output "${INPUT_FORMAT:-github}=-")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
read -r -a extra <<< "${INPUT_ARGS:-}"
read -r -a paths <<< "${INPUT_PATHS:-.}"

status=0
"$bin" "${args[@]}" ${extra[@]+"${extra[@]}"} "${paths[@]}" || status=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$summary" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  [ -f "$sarif" ] && echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit "$status"
