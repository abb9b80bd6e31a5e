#!/usr/bin/env bash
# Fuzzes every parser for a fixed time each, one target after another, and reports per target
# the executions and whether it crashed. Exits non-zero if any target crashed.
#
#   fuzz/run.sh SECONDS [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Only stable Rust exists here, so
# RUSTC_BOOTSTRAP=1 lets it pass its nightly flags. The corpora are seeded from the real bundles
# in data/bundles (or $OPPVEKST_BUNDLES) on every run and are never committed. Set
# FUZZ_SANITIZER=address for ASan (slower; oppvekst-core is safe Rust, so the default `none`
# loses little: panics, overflow checks and debug assertions are on either way).
# FUZZ_WORKERS=2 fuzzes each target in libFuzzer's fork mode on two cores; FUZZ_FLAGS adds
# libFuzzer flags (later flags win, e.g. FUZZ_FLAGS=-max_len=4096).
set -uo pipefail

usage() { echo "usage: $0 SECONDS [TARGET...]" >&2; exit 2; }
secs=${1:-}
[[ $secs =~ ^[0-9]+$ ]] || usage
shift
here=$(cd "$(dirname "$0")" && pwd)
bundles=${OPPVEKST_BUNDLES:-$here/../data/bundles}
sanitizer=${FUZZ_SANITIZER:-none}
workers=${FUZZ_WORKERS:-1}
[[ $workers =~ ^[1-9][0-9]*$ ]] || usage
fork=()
((workers > 1)) && fork=(-fork="$workers")
all=(decode_context decode_area decode_cells decode_geometry manifest route)
targets=("${all[@]}")
(($#)) && targets=("$@")

export RUSTC_BOOTSTRAP=1
[[ -d /root/.cache/oppvekst-tools/bin ]] && PATH=/root/.cache/oppvekst-tools/bin:$PATH
cargo fuzz --version >/dev/null 2>&1 || { echo "cargo-fuzz is not installed" >&2; exit 2; }
cd "$here" || exit 2

cargo fuzz build -s "$sanitizer" || exit 2

# Bytes from a hex string, without depending on xxd.
unhex() { printf "$(sed 's/../\\x&/g' <<<"$1")"; }

# The kind byte of a bundle's header (1 context, 2 area, 3 geometry, 4 kommuner).
kind_of() { od -An -tu1 -j6 -N1 "$1" | tr -d ' '; }

seed() {
    local c=$here/corpus
    mkdir -p "$c"/{decode_context,decode_area,decode_cells,decode_geometry,manifest,route}
    if [[ -d $bundles ]]; then
        # The context, the kommuner's cells, every geometry file, and a few areas of each level
        # (landet, fylke, kommune, bydel), told apart by their headers rather than by names.
        local f picked=0
        for f in "$bundles"/*.bin "$bundles"/*/*.bin; do
            [[ -f $f ]] || continue
            case $(kind_of "$f") in
                1) cp "$f" "$c/decode_context/" ;;
                3) cp "$f" "$c/decode_geometry/" ;;
                4) cp "$f" "$c/decode_cells/" ;;
            esac
        done
        for pattern in '[0-9]' '[0-9][0-9]' '[0-9][0-9][0-9][0-9]' '[0-9][0-9][0-9][0-9][0-9][0-9]'; do
            for f in $(ls "$bundles"/area/$pattern-*.bin 2>/dev/null | head -3); do
                [[ $(kind_of "$f") == 2 ]] && cp "$f" "$c/decode_area/" && picked=$((picked + 1))
            done
        done
        [[ -f $bundles/manifest.json ]] && cp "$bundles/manifest.json" "$c/manifest/"
        echo "seeded from $bundles ($picked area files)"
    else
        echo "no bundles at $bundles: fuzzing from the built-in seeds only" >&2
    fi
    # A small geometry bundle (kommuner 0301 and 4601, fylker 03 and 46, bydel 030101; squares
    # with a hole), valid down to its checksum, until data/bundles holds real geometry files.
    unhex 4f50564b020003000f01000097a88c0303086b6f6d6d756e6572fca9f1d24d62603ffca9f1d24d62503f00000000000010400000000000804c4002043033303101020a000064000064630000630a14140a00000a09000009043436303101020ac8010064000064630000630adc01140a00000a090000090666796c6b6572fca9f1d24d62603ffca9f1d24d62503f00000000000010400000000000804c400202303301020a000064000064630000630a14140a00000a0900000902343601020ac8010064000064630000630adc01140a00000a0900000907627964656c6572fca9f1d24d62603ffca9f1d24d62503f00000000000010400000000000804c40010630333031303101020a000064000064630000630a14140a00000a09000009 \
        >"$c/decode_geometry/seed-small.bin"
    printf '%s' '{"format_version":2,"context":"context-0.bin","areas":{"0301":"area/0301-0.bin"},"geometry":{"kommuner":"geometry/kommuner-0.bin"}}' \
        >"$c/manifest/seed-small.json"
    local i=0 url
    for url in / /om/ /landet /kommune/0301?lang=nn\&embed=1 /bydel/030101?lang=en /fylke/03/ \
        /kommune/03x1?embed=true /fylke/0301 '?lang=nb&&=&lang'; do
        printf '%s' "$url" >"$c/route/seed-$i"
        i=$((i + 1))
    done
}
seed

mkdir -p "$here/logs"
crashed=0
printf '\n%-16s %14s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
    log=$here/logs/$t.log
    # -timeout flags an input that takes seconds as a hang; -rss_limit_mb an allocation bomb.
    cargo fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 "${fork[@]}" ${FUZZ_FLAGS:-} \
        >"$log" 2>&1
    rc=$?
    # The final stats of a single process; in fork mode, the last status line (`#N: cov: ...`).
    runs=$(sed -n 's/^stat::number_of_executed_\(runs\|units\): *//p' "$log" | tail -1)
    [[ -n $runs ]] || runs=$(sed -n 's/^#\([0-9]*\)[:[:space:]].*/\1/p' "$log" | tail -1)
    [[ -n $runs ]] || runs=0
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    [[ -n $took ]] || took=$(sed -n 's/^INFO: exiting: .* time: \([0-9]*\)s.*/\1/p' "$log" | tail -1)
    took=${took:-$secs}
    rate=$((runs / (took > 0 ? took : 1)))
    if [[ $rc -eq 0 ]] && ! grep -q -e '^==[0-9]*== ERROR: libFuzzer' -e 'panicked at' "$log"; then
        result=ok
    else
        crashed=1
        artifact=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -1)
        result="CRASH (exit $rc) ${artifact:-see $log}"
    fi
    printf '%-16s %14s %10s  %s\n' "$t" "$runs" "$rate" "$result"
done
exit $crashed
