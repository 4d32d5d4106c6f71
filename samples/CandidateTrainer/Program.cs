using System.Globalization;
using System.Text.Json;
using CandidateTrainer;

// candidate-trainer TRAINING_DIR OUT.onnx [--rows N] [--seed S]
// Fits one logistic regression per probability output and a linear watch-time model on the
// exported rows, and writes them as one ONNX model under the feature contract the export names.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CandidateTrainer TRAINING_DIR OUT.onnx [--rows N] [--seed S]");
    return 2;
}

var rows = 400_000;
var seed = 1;
for (var i = 2; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

using var contract = JsonDocument.Parse(File.ReadAllText(Path.Combine(args[0], "feature-contract.json")));
var features = contract.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
var outputs = contract.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToArray();
var data = await TrainingData.Read(Path.Combine(args[0], "training.parquet"), features, outputs, rows);
Console.WriteLine($"{data.Count:N0} rows, {features.Length} features, {outputs.Length} outputs");
var model = LinearHeads.Fit(data, outputs, seed);
foreach (var line in model.Describe())
{
    Console.WriteLine(line);
}

using (var file = File.Create(args[1]))
{
    model.WriteOnnx(file, contract.RootElement.GetProperty("input").GetString()!, contract.RootElement.GetProperty("version").GetInt32());
}

Console.WriteLine($"candidate written to {args[1]}");
return 0;
