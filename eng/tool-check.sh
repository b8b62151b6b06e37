#!/usr/bin/env bash
# Packs the command-line tool, installs it from the local folder into a temporary tool path (as a user would with
# `dotnet tool install`), and runs it: --help, then `run` on the bundled sample, checking the artifacts and the
# dashboard exist and that a bad input exits non-zero with a message naming file, line and column.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
dotnet pack src/CustomerAnalytics.Cli -c Release -o "$work/feed" -p:Version="$version" -nologo -v quiet
dotnet tool install CustomerAnalytics.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/feed" >/dev/null
tool="$work/tools/customer-analytics"
"$tool" --help >/dev/null
"$tool" run --data samples/data --output "$work/out" --quiet
for file in dashboard.html manifest.json kpi_overall.csv recommendations/by_customer.csv; do
  test -s "$work/out/$file" || { echo "tool-check: $file was not written" >&2; exit 1; }
done
grep -qx '4,7,7,13,1474.92,210.70' "$work/out/kpi_overall.csv" || { echo "tool-check: unexpected kpi_overall.csv" >&2; exit 1; }
mkdir "$work/bad"
cp samples/data/*.csv "$work/bad/"
sed -i '3s/,1,/,x,/' "$work/bad/transactions.csv"
if "$tool" run --data "$work/bad" --output "$work/bad-out" --quiet 2>"$work/err.txt"; then
  echo "tool-check: a bad input did not fail" >&2; exit 1
fi
grep -q "transactions.csv(3): error, column 'qty', value 'x'" "$work/err.txt" || { echo "tool-check: unclear error:" >&2; cat "$work/err.txt" >&2; exit 1; }
echo "tool-check: customer-analytics $version packed, installed and run"
