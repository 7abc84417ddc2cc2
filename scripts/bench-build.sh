# Sourced by the benchmark scripts, from the module's root: builds chainlint,
# the parse floor (bench/floor) and the estate generator (internal/synth)
# into $work/bin, $work being a temporary directory removed on exit.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
go build -o "$work/bin/chainlint" ./cmd/chainlint
go build -tags synth -o "$work/bin/floor" ./bench/floor
go build -tags synth -o "$work/bin/synth" ./internal/synth
