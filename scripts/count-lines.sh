#!/usr/bin/env bash
# Lines of hand-written C# in the API project, counted one way so a refactoring can be compared
# before and after: non-blank lines that are not only a comment (//, ///, /* */ lines), per folder.
# With NO_HEADERS=1, `using` and `namespace` lines are not counted either, so that splitting a file in
# two (which repeats them) does not count as more code.
#   bash scripts/count-lines.sh [tree=.]
# "Plumbing" is everything in src/Datawijs.Api outside the endpoint slices (Features/, but its Health/ counts), the contract
# generation (OpenApi/) and the Development demo data (Demo*.cs): start-up, configuration, HTTP
# conventions, errors, authentication, caching, audit, validation helpers, the admin commands.
set -euo pipefail
tree=${1:-.}
cd "$tree/src/Datawijs.Api"
count() { # files on stdin -> code lines
  xargs -r cat | sed -e 's/^[[:space:]]*//' | grep -v -e '^$' -e '^//' -e '^/\*' -e '^\*' \
    | { if [ "${NO_HEADERS:-0}" = 1 ]; then grep -v -e '^using ' -e '^namespace ' -e '^global using '; else cat; fi; } | wc -l
}
files() { find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' "$@"; }
for dir in $(files | cut -d/ -f2 | sort -u); do
  case $dir in *.cs) label=$dir; n=$(echo "./$dir" | count);; *) label=$dir/; n=$(files -path "./$dir/*" | count);; esac
  printf '%-28s %6d\n' "$label" "$n"
done
printf '%-28s %6d\n' "plumbing" "$(files \( -not -path './Features/*' -o -path './Features/Health/*' \) -not -path './OpenApi/*' -not -name 'Demo*.cs' | count)"
printf '%-28s %6d\n' "all" "$(files | count)"
