#!/usr/bin/env bash
# Every .cpp in the given directories has a header of the same name, except
# a program's entry file (main.cpp, whose header, if any, is optional) and a
# file that implements another header's declarations, which says so in its
# first comment lines ("implements X.h" or "implements <X.h>"): the loader's
# freestanding and hosted builds provide one interface twice (tls.h,
# host.h, lookup.h's builtins). Prints each offender; exits 1 if any.
set -u
bad=0
for dir in "$@"; do
  for cpp in "$dir"/*.cpp; do
    stem=${cpp%.cpp}
    [ -f "$stem.h" ] && continue
    [ "$(basename "$cpp")" = main.cpp ] && continue
    impl=$(head -4 "$cpp" | tr '\n' ' ' | sed -n "s/.*implements \(<\?[A-Za-z0-9_.-]*\.h>\?\).*/\1/p")
    case $impl in
    "<"*) continue ;;
    ?*) [ -f "$dir/$impl" ] && continue
        echo "$cpp: says it implements $impl, which does not exist"; bad=1; continue ;;
    esac
    echo "$cpp: no $(basename "$stem").h, and its first lines name no header it implements"
    bad=1
  done
done
[ $bad = 0 ] && echo "every .cpp has its header"
exit $bad
