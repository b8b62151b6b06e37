#!/usr/bin/env bash
# Packs the libraries (CustomerAnalytics, CustomerAnalytics.Sql, CustomerAnalytics.Reporting, CustomerAnalytics.Hosting and
# CustomerAnalytics.Hosting.AspNetCore) into a local folder feed and builds and runs samples/PackageConsumer,
# samples/SqlPackageConsumer, samples/HostingPackageConsumer and samples/WebPackageConsumer against them by package version, as a host
# application would consume them. A unique prerelease version keeps NuGet's cache from serving an older build of the same version.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=$(mktemp -d)
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
dotnet pack src/CustomerAnalytics -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet pack src/CustomerAnalytics.Sql -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet pack src/CustomerAnalytics.Reporting -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet pack src/CustomerAnalytics.Hosting -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
dotnet pack src/CustomerAnalytics.Hosting.AspNetCore -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
for consumer in samples/PackageConsumer samples/SqlPackageConsumer samples/HostingPackageConsumer samples/WebPackageConsumer; do
  dotnet run --project "$consumer" -c Release -p:CustomerAnalyticsVersion="$version" \
    -p:RestoreAdditionalProjectSources="$feed" -p:RestoreNoCache=true
done
rm -rf "$feed"
