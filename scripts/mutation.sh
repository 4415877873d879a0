#!/usr/bin/env bash
# Mutation score of one module of the engine, the model or the rules (mutmut 3, the `mutation` extra):
#
#   pip install -e ".[test,mutation]"
#   scripts/mutation.sh MODULE [SAMPLE [SEED]]
#   scripts/mutation.sh rules/duplicate.py            # every mutant of the module
#   scripts/mutation.sh awesome_lint/model/dates.py 60 1   # 60 mutants drawn with seed 1
#   scripts/mutation.sh awesome_lint/model 150 1      # a folder: 150 mutants drawn over the whole layer
#   scripts/mutation.sh --again awesome_lint/model   # the same mutants' survivors against today's tests
#
# The run happens in a copy of the work tree (under ${MUTATION_DIR:-/tmp/awesome-lint-mutation}), never
# in the checkout, at the lowest CPU priority. Each module is tested only by the test files listed for it in
# scripts/mutation_tests.txt (mutmut then narrows each mutant to the tests that reach its function), so a
# mutant costs seconds, not the whole suite. It prints mutmut's verdict per mutant and the score:
# killed / (tried - equivalent), where the equivalent ones are the names listed in scripts/mutation_equivalent.txt
# (each with the reason it changes nothing a user or a plugin can observe).
set -euo pipefail
# the whole script is one function, read before it runs: editing the file during a run is safe
main() {
here="$(cd "$(dirname "$0")/.." && pwd)"
again=0
[ "${1:-}" = "--again" ] && again=1 && shift
module="${1:?usage: scripts/mutation.sh MODULE [SAMPLE [SEED]]}"
sample="${2:-0}"
seed="${3:-1}"
module="${module%/}"
[ -e "$here/$module" ] || { echo "mutation.sh: no such module or folder: $module" >&2; exit 2; }
# a folder means every module in it: one sample drawn over the whole layer
pattern="$module"; [ -d "$here/$module" ] && pattern="$module/*" && module="$module/*"
python -c "import mutmut" 2>/dev/null || { echo "mutation.sh: mutmut missing: pip install -e '.[mutation]'" >&2; exit 2; }

tests="$(awk -v m="$module" '$1 == m { $1 = ""; print }' "$here/scripts/mutation_tests.txt")"
[ -n "$tests" ] || tests="$(awk -v m="$(dirname "$module")/*" '$1 == m { $1 = ""; print }' "$here/scripts/mutation_tests.txt")"
[ -n "$tests" ] || { echo "mutation.sh: no tests listed for $module in scripts/mutation_tests.txt" >&2; exit 2; }

work="${MUTATION_DIR:-/tmp/awesome-lint-mutation}/$(echo "$module" | tr '/.*' '___')"
selection="$(for t in $tests; do printf '"tests/%s",' "$t"; done)"
if [ "$again" = 1 ]; then
    # keep the mutants and their verdicts; bring in the tests as they are now and re-learn which
    # tests reach which function (production code is not refreshed: run afresh after changing it)
    [ -f "$work/sample.txt" ] || { echo "mutation.sh: no earlier run in $work" >&2; exit 2; }
    for dest in "$work" "$work/mutants"; do
        rm -rf "$dest/tests"
        (cd "$here" && git ls-files -co --exclude-standard -z tests | xargs -0 tar -cf - ) | tar -xf - -C "$dest"
    done
    cd "$work"
    sed -i "s#^pytest_add_cli_args_test_selection = .*#pytest_add_cli_args_test_selection = [$selection]#" pyproject.toml
    rm -f mutants/mutmut-stats.json
    mapfile -t names < sample.txt
    mapfile -t rerun < <(python "$here/scripts/mutation_score.py" results.txt "$here/scripts/mutation_equivalent.txt" \
        "${names[@]}" | sed -n 's/^\(survived\|no tests\): //p')
    echo "again: ${#rerun[@]} of ${#names[@]} mutants had survived"
    if [ "${#rerun[@]}" -gt 0 ]; then
        nice -n 19 mutmut run --max-children 1 "${rerun[@]}" > run.log 2>&1 || { tail -30 run.log; exit 1; }
    fi
    mutmut results --all true > results.txt
    python "$here/scripts/mutation_score.py" results.txt "$here/scripts/mutation_equivalent.txt" "${names[@]}"
    return 0
fi
rm -rf "$work"
mkdir -p "$work"
# the files git knows (committed or not), without the checkout's caches
(cd "$here" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - ) | tar -xf - -C "$work"
# no ../shared beside the copy: the tests over the real lists skip, so each mutant meets only the tests
# whose expectations are written by hand (and a mutant costs seconds, not minutes)
cd "$work"
# the rules are installed as awesome_lint.rules (package-dir) and mutmut names a mutant by the module
# its function runs in: in the copy they live where that name puts them
cp -r rules awesome_lint/rules   # rules/ stays for the tests that read its sources
pattern="${pattern/#rules/awesome_lint/rules}"
top="$(ls -A | grep -v -x -e awesome_lint -e tests -e pyproject.toml | sed 's/.*/"&",/' | tr -d '\n')"
cat >> pyproject.toml <<EOF

[tool.mutmut]
source_paths = ["awesome_lint"]
only_mutate = ["$pattern"]
also_copy = [$top]
pytest_add_cli_args = ["-p", "no:cacheprovider"]
pytest_add_cli_args_test_selection = [$selection]
use_git_change_detection = false
# each mutant's process is forked from one that has collected the tests but run none: a warm cache of
# parsed text (the inline and paper-field caches) would otherwise hand the mutant the unmutated results
process_isolation = "forkserver"
forkserver_warmup = "collect"
EOF

names=()
if [ "$sample" -gt 0 ]; then
    # generate the mutants and the test map once, then draw the sample from the mutants' names
    nice -n 19 mutmut run "no-such-mutant-$$" >/dev/null 2>&1 || true
    mapfile -t names < <(python - "$sample" "$seed" <<'EOF'
import hashlib, json, pathlib, sys
# ranked by a hash of seed and name: a change elsewhere in the code leaves the same mutants drawn
keys = sorted((k for meta in pathlib.Path("mutants").rglob("*.meta")
               for k in json.loads(meta.read_text())["exit_code_by_key"]),
              key=lambda k: hashlib.sha256(f"{sys.argv[2]}:{k}".encode()).hexdigest())
print(f"sample: {min(len(keys), int(sys.argv[1]))} of {len(keys)} mutants, seed {sys.argv[2]}", file=sys.stderr)
print("\n".join(sorted(keys[: int(sys.argv[1])])))
EOF
)
fi
printf '%s\n' "${names[@]}" > sample.txt
nice -n 19 mutmut run --max-children 1 "${names[@]}" > run.log 2>&1 || { tail -30 run.log; exit 1; }
mutmut results --all true > results.txt 2>/dev/null || mutmut results > results.txt
python "$here/scripts/mutation_score.py" results.txt "$here/scripts/mutation_equivalent.txt" "${names[@]}"
echo "work dir: $work (mutmut show NAME there for a mutant's diff)"
}
main "$@"
exit
