#!/usr/bin/env bash
# Benchmarks smoke run for CI: builds the benchmarks project and runs `smoke` — a tiny generated data set, the
# generator's determinism check, `compare` with every approach (they must agree to the cent) and every
# BenchmarkDotNet benchmark once in process (dry job). Takes seconds; asserts no timing. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=benchmarks/CustomerAnalytics.Benchmarks/CustomerAnalytics.Benchmarks.csproj
dotnet build "$project" -c Release -nologo -clp:NoSummary -v quiet
# BenchmarkDotNet writes its artifacts to the working directory: keep them out of the repository.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && dotnet "$OLDPWD/benchmarks/CustomerAnalytics.Benchmarks/bin/Release/net10.0/CustomerAnalytics.Benchmarks.dll" smoke)
