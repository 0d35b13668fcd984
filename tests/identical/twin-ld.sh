#!/usr/bin/env bash
# Stands in for mld while the test suite runs (see run.sh): every link is
# made twice from the same directory, first by the mld under test
# ($MLD_TWIN_NEW) with the caller's arguments, then by the reference mld
# ($MLD_TWIN_OLD) with its output files (-o, -Map, --reloc-log) renamed
# into a temporary directory. The files, stdout, stderr (with the names put
# back) and exit status must be identical; one line per link goes to
# $MLD_TWIN_LOG: SAME, DIFF (with what differed) or SKIP (with why). The
# caller sees only the new mld, exactly as if the wrapper were not there.
set -u
old=${MLD_TWIN_OLD:?} new=${MLD_TWIN_NEW:?} log=${MLD_TWIN_LOG:?}

tmp=$(mktemp -d)
"$new" "$@" >"$tmp/new.stdout" 2>"$tmp/new.stderr"
nrc=$?
cat "$tmp/new.stdout"
cat "$tmp/new.stderr" >&2

# The reference link's arguments, its output files renamed (GNU ld spellings).
args=("$@") oldargs=() outs=() skip="" haveOut=""
# rename FILE: FILE is an output of the link; $renamed is where the reference
# writes it (same base name: --default-symver and DT_SONAME defaults use it).
rename() {
  outs+=("$1")
  mkdir -p "$tmp/out.$((${#outs[@]} - 1))"
  renamed=$tmp/out.$((${#outs[@]} - 1))/$(basename "$1")
  case $1 in -) skip="output to stdout" ;; esac
  [ -d "$(dirname "$1")" ] || skip="output directory missing"
}
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]}
  case $a in
    -o|--output|-Map|--Map|--reloc-log)
      v=${args[i+1]:-}; i=$((i + 1))
      if [ "$a" = --reloc-log ] && [ "$v" = - ]; then oldargs+=("$a" "$v"); continue; fi
      if [ "$a" = -o ] || [ "$a" = --output ]; then haveOut=1; fi
      rename "$v"; oldargs+=("$a" "$renamed") ;;
    --output=*|-Map=*|--Map=*|--reloc-log=*)
      v=${a#*=}
      if [ "${a%%=*}" = --reloc-log ] && [ "$v" = - ]; then oldargs+=("$a"); continue; fi
      if [ "${a%%=*}" = --output ]; then haveOut=1; fi
      rename "$v"; oldargs+=("${a%%=*}=$renamed") ;;
    -o*) haveOut=1; rename "${a#-o}"; oldargs+=("-o" "$renamed") ;;
    @*) skip="response file"; oldargs+=("$a") ;;
    --time-trace*|--stats|--print-stats|-v|--version|-V|--help|--build-id=uuid)
      skip="output not deterministic: $a"; oldargs+=("$a") ;;
    *) oldargs+=("$a") ;;
  esac
done
if [ -z "$haveOut" ]; then
  # No -o: the output is a.out in the current directory.
  rename a.out
  oldargs+=(-o "$renamed")
fi
if [ -n "$skip" ]; then
  echo "SKIP ($skip): $PWD: mld ${args[*]}" >>"$log"
  rm -rf "$tmp"
  exit "$nrc"
fi

"$old" "${oldargs[@]}" >"$tmp/old.stdout" 2>"$tmp/old.stderr"
orc=$?
diffs=""
[ "$orc" = "$nrc" ] || diffs+=" exit($orc/$nrc)"
# Put the caller's names back into the reference's messages.
for i in "${!outs[@]}"; do
  sed -i "s|$tmp/out.$i/$(basename "${outs[i]}")|${outs[i]}|g" "$tmp/old.stdout" "$tmp/old.stderr"
done
cmp -s "$tmp/old.stdout" "$tmp/new.stdout" || diffs+=" stdout"
cmp -s "$tmp/old.stderr" "$tmp/new.stderr" || diffs+=" stderr"
# gcc's LTO names its temporary objects at random (/tmp/ccAbC123.ltrans0.o):
# the two links differ by these names only, in maps and symbol tables.
sameBut() {
  local re='s/cc[A-Za-z0-9]{6}\.(ltrans|lto|res)/ccXXXXXX.\1/g'
  cmp -s <(sed -E "$re" "$1") <(sed -E "$re" "$2")
}
# A failed link's files are not compared: what it leaves is whatever was
# there before (tests put old outputs in place on purpose).
for i in "${!outs[@]}"; do
  f=${outs[i]} o=$tmp/out.$i/$(basename "${outs[i]}")
  [ "$nrc" = 0 ] || break
  [ -e "$f" ] && [ ! -f "$f" ] && continue # /dev/null, a pipe: nothing kept to compare
  cmp -s "$o" "$f" 2>/dev/null || sameBut "$o" "$f" || diffs+=" $f"
done
if [ -z "$diffs" ]; then
  echo "SAME: $PWD: mld ${args[*]}" >>"$log"
  rm -rf "$tmp"
else
  echo "DIFF:$diffs (kept in $tmp): $PWD: mld ${args[*]}" >>"$log"
fi
exit "$nrc"
