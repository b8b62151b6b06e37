#!/usr/bin/env bash
# Brings a package's PublicAPI.Unshipped.txt (src/CustomerAnalytics, or the project folder given as $1) in line with the code: adds the symbols the
# PublicApiAnalyzers report as undeclared (RS0016) and removes those reported as gone (RS0017).
# Another package: eng/update-public-api.sh src/CustomerAnalytics.Sql
# Review the diff it leaves: it is the public API change.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/CustomerAnalytics}
project=$dir/$(basename "$dir").csproj
file=$dir/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "$project" -c Release -f net10.0 -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary > "$log" 2>&1 || true
added=$(grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
removed=$(grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)
body=$(grep -v '^#nullable enable$' "$file" || true)
if [ -n "$removed" ]; then
  body=$(printf '%s\n' "$body" | grep -vxF -f <(printf '%s\n' "$removed") || true)
fi
{ echo '#nullable enable'; printf '%s\n%s\n' "$body" "$added" | grep -v '^$' | LC_ALL=C sort -u; } > "$file.tmp"
mv "$file.tmp" "$file"
rm -f "$log"
echo "public API: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
