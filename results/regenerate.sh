#!/usr/bin/env bash
# Regenerates the committed results of the shipped scenarios (Release build). Exit 3 from
# `compare` means a guardrail was violated, which some studies show on purpose; it is not an error here.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Simulator.Cli -c Release -o .build/simulator >/dev/null || exit 1
sim=.build/simulator/simulator
status=0
step() { echo "== $*"; local start=$SECONDS; "$@"; local rc=$?; echo "   exit $rc, $((SECONDS - start)) s"; [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || status=1; }
# REFIT=1 first refits the calibration profile every scenario inherits (about an hour on 2 cores;
# the same seed and budget give the same profile), then rebuilds so that the binary embeds it.
if [ "${REFIT:-0}" = 1 ]; then
  step "$sim" calibrate scenarios/baseline.yaml --fit --budget 48
  dotnet build src/Simulator.Cli -c Release -o .build/simulator >/dev/null || exit 1
fi
step "$sim" run scenarios/quickstart.yaml --quiet
for s in ranking-change ranking-cost campaign-tiers live-shopping ugc-vs-polished non-personalized-feed teen-time-limit chronological-feed country-mix cold-start-creators diversity-off diversity-boost youth-mode algorithm-not-transferred; do
  step "$sim" compare "scenarios/$s.yaml" --quiet
  rm -rf "results/$s-compare/arms/"*/plots   # each arm's report.html embeds its plots
done
# The external-ranker worked example (issue #24): its two ONNX models are committed; REMODEL=1 rebuilds them first.
if [ "${REMODEL:-0}" = 1 ]; then
  step scenarios/models/ranking-model-change/train.sh
fi
step "$sim" compare scenarios/ranking-model-change.yaml --quiet
rm -rf results/ranking-model-change-compare/arms/*/plots
step "$sim" compare scenarios/employee-advocates.yaml --quiet
rm -rf results/employee-advocates-compare/arms/*/plots
# The return model's levers (issue #20): 5,000 users, 35 days after a 30-day warm-up, 3 replications per arm.
step "$sim" compare scenarios/return-structure.yaml --quiet
rm -rf results/return-structure-compare/arms/*/plots
# Baseline and the calibration table: 5 replications of 10,000 users (a fifth of the scenario's 50,000) over 35 days after a 60-day warm-up.
step "$sim" calibrate scenarios/baseline.yaml --scale 0.2
# The same profile at the fit's own 2,000 users (does a small world read like a large one?).
step "$sim" calibrate scenarios/baseline.yaml --scale 0.04 --replications 5 --out .build/cal2000 --report results/calibration-2000.md
# Published field outcomes against the fitted model (never fit targets): results/validation.md.
step "$sim" validate-model --quiet
exit $status
