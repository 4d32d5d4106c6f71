#!/usr/bin/env bash
# Rebuilds the two external models of scenarios/ranking-model-change.yaml (Release builds).
# The training world is the study's baseline with another seed (1001), one replication: its last
# six days of logs train the linear candidate, and its built-in heads at the end are the frozen arm.
# Deterministic: the same build writes the same two files (their SHA-256s are in each arm's manifest).
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=scenarios/models/ranking-model-change
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Simulator.Cli -c Release -o "$work/simulator" >/dev/null
dotnet build samples/CandidateTrainer -c Release -o "$work/trainer" >/dev/null
# The study file names these two models; export commands do not need them to exist yet.
"$work/simulator/simulator" export-training scenarios/ranking-model-change.yaml --seed 1001 --replications 1 --from-day 3 --out "$work/training" --quiet
"$work/trainer/CandidateTrainer" "$work/training" "$here/candidate-linear.onnx" --rows 400000 --seed 1
"$work/simulator/simulator" export-ranker scenarios/ranking-model-change.yaml --seed 1001 --out "$here/frozen-heads.onnx" --quiet
cp "$work/training/export.json" "$here/training-export.json"
sha256sum "$here"/*.onnx
