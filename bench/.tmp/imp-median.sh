#!/bin/bash
# usage: imp-median.sh rounds entry...
rounds=$1; shift
declare -A all
for r in $(seq $rounds); do for e in "$@"; do v=$(AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node --input-type=module --no-warnings -e 'const s = performance.now(); await import(process.argv[1]); process.stdout.write(String((performance.now() - s).toFixed(1)));' $e); all[$e]="${all[$e]} $v"; done; done
for e in "$@"; do echo "$e $(echo ${all[$e]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print "median", a[int((NR+1)/2)]}')"; done
