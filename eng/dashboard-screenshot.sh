#!/usr/bin/env bash
# Writes docs/dashboard.png: the dashboard of Online Retail (../shared/data or $1), in pounds, as Debian's headless
# Chromium shows it 1400 px wide. Needs the tool built (dotnet build src/CustomerAnalytics.Cli -c Release) and
# chromium (bash eng/install-chromium.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/online-retail/online_retail.csv.gz}
height=${2:-3300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet src/CustomerAnalytics.Cli/bin/Release/net10.0/customer-analytics.dll run --order-lines "$data" --preset online-retail \
  --lenient --currency GBP --output "$work/out" --quiet
/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1400,"$height" --screenshot="$PWD/docs/dashboard.png" "file://$work/out/dashboard.html" 2>/dev/null
ls -l docs/dashboard.png
