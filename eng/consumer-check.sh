#!/usr/bin/env bash
# Packs the library and the dashboard package into a local folder feed and builds and runs samples/PackageConsumer against it by package
# version, as a host application would consume it. A unique prerelease version keeps NuGet's cache from serving an
# older build of the same version.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=$(mktemp -d)
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
dotnet pack src/CustomerAnalytics -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet pack src/CustomerAnalytics.Reporting -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet run --project samples/PackageConsumer -c Release -p:CustomerAnalyticsVersion="$version" \
  -p:RestoreAdditionalProjectSources="$feed" -p:RestoreNoCache=true
rm -rf "$feed"
