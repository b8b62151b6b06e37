#!/usr/bin/env bash
# Writes docs/dashboard.png and docs/dashboard-390.png: the dashboard of Online Retail (../shared/data or $1), in
# pounds, as Debian's headless Chromium shows it 1400 px wide and 390 px wide (a phone); $2 and $3 are their heights. Needs the tool built (dotnet build src/CustomerAnalytics.Cli -c Release) and
# chromium (bash eng/install-chromium.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/online-retail/online_retail.csv.gz}
height=${2:-5200}
phone_height=${3:-2600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet src/CustomerAnalytics.Cli/bin/Release/net10.0/customer-analytics.dll run --order-lines "$data" --preset online-retail \
  --lenient --currency GBP --output "$work/out" --quiet
/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1400,"$height" --screenshot="$PWD/docs/dashboard.png" "file://$work/out/dashboard.html" 2>/dev/null
/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=390,"$phone_height" --screenshot="$PWD/docs/dashboard-390.png" "file://$work/out/dashboard.html" 2>/dev/null
ls -l "$work/out/dashboard.html" docs/dashboard.png docs/dashboard-390.png
