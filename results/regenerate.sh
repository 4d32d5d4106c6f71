#!/usr/bin/env bash
# Regenerates the committed results of the shipped scenarios (Release build). Exit 3 from
# `compare` means a guardrail was violated, which some studies show on purpose; it is not an error here.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Simulator.Cli -c Release -o .build/simulator >/dev/null || exit 1
sim=.build/simulator/simulator
status=0
step() { echo "== $*"; local start=$SECONDS; "$@"; local rc=$?; echo "   exit $rc, $((SECONDS - start)) s"; [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || status=1; }
step "$sim" run scenarios/quickstart.yaml --quiet
for s in ranking-change campaign-tiers live-shopping ugc-vs-polished non-personalized-feed teen-time-limit chronological-feed; do
  step "$sim" compare "scenarios/$s.yaml" --quiet
  rm -rf "results/$s-compare/arms/"*/plots   # each arm's report.html embeds its plots
done
# Half the scenario's 10,000 users: two 23-day ranked arms at full scale take about 50 minutes.
step "$sim" compare scenarios/algorithm-not-transferred.yaml --scale 0.5 --quiet
rm -rf results/algorithm-not-transferred-compare/arms/*/plots
exit $status
