using System.Globalization;
using Google.Protobuf;
using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace CandidateTrainer;

/// <summary>
/// The candidate: per probability output a logistic regression (ML.NET L-BFGS) on standardised
/// features, and a Poisson regression for watch seconds; all linear, so the ONNX graph is one
/// MatMul: z = features · W + b, probabilities sigmoid(z_k), watch seconds exp(z_watch).
/// The standardisation is folded into W and b.
/// </summary>
internal sealed class LinearHeads
{
    private readonly string[] _outputs;
    private readonly float[,] _weights;
    private readonly float[] _bias;
    private readonly List<string> _notes = [];

    private LinearHeads(string[] outputs, int features)
    {
        _outputs = outputs;
        _weights = new float[features, outputs.Length];
        _bias = new float[outputs.Length];
    }

    public static LinearHeads Fit(TrainingData data, string[] outputs, int seed)
    {
        var width = data.Features[0].Length;
        var (mean, scale) = Standardisation(data.Features, width);
        var standard = data.Features.Select(r => r.Select((v, j) => (v - mean[j]) / scale[j]).ToArray()).ToArray();
        var heads = new LinearHeads(outputs, width);
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        for (var k = 0; k < outputs.Length; k++)
        {
            float[] w;
            float b;
            if (k < data.Labels.Length)
            {
                var labels = data.Labels[k];
                var positives = labels.Count(l => l);
                if (positives < 20 || labels.Length - positives < 20)
                {
                    // Too rare to fit: the base rate for every row.
                    var p = (positives + 0.5) / (labels.Length + 1.0);
                    (w, b) = (new float[width], (float)Math.Log(p / (1 - p)));
                    heads._notes.Add($"{outputs[k]}: {positives} positives, base rate {p:F4}");
                }
                else
                {
                    var rows = standard.Select((f, i) => new Row { Features = f, Label = labels[i] ? 1f : 0f, Positive = labels[i] });
                    var view = ml.Data.LoadFromEnumerable(rows, schema);
                    var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
                    {
                        LabelColumnName = nameof(Row.Positive),
                        FeatureColumnName = nameof(Row.Features),
                        NumberOfThreads = 1,
                        L2Regularization = 1f,
                    }).Fit(view);
                    var linear = fitted.Model.SubModel;
                    var calibrator = fitted.Model.Calibrator;

                    // P = 1 / (1 + exp(slope·(w·x + b) + offset)) = sigmoid(−slope·(w·x + b) − offset).
                    w = [.. linear.Weights.Select(v => (float)(-calibrator.Slope * v))];
                    b = (float)((-calibrator.Slope * linear.Bias) - calibrator.Offset);
                    heads._notes.Add($"{outputs[k]}: {positives} positives of {labels.Length}");
                }
            }
            else
            {
                var rows = standard.Select((f, i) => new Row { Features = f, Label = data.Watch[i] });
                var view = ml.Data.LoadFromEnumerable(rows, schema);
                var fitted = ml.Regression.Trainers.LbfgsPoissonRegression(new Microsoft.ML.Trainers.LbfgsPoissonRegressionTrainer.Options
                {
                    LabelColumnName = nameof(Row.Label),
                    FeatureColumnName = nameof(Row.Features),
                    NumberOfThreads = 1,
                }).Fit(view);
                w = [.. fitted.Model.Weights];
                b = fitted.Model.Bias;
                heads._notes.Add($"{outputs[k]}: Poisson regression, mean {data.Watch.Average():F1} s");
            }

            // Fold the standardisation: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
            var bias = (double)b;
            for (var j = 0; j < width; j++)
            {
                heads._weights[j, k] = w[j] / scale[j];
                bias -= w[j] * mean[j] / scale[j];
            }

            heads._bias[k] = (float)bias;
        }

        return heads;
    }

    public IEnumerable<string> Describe() => _notes;

    public void WriteOnnx(Stream output, string input, int contractVersion)
    {
        var width = _weights.GetLength(0);
        var k = _outputs.Length;
        var graph = new GraphProto { Name = "candidate-linear" };
        graph.Input.Add(Value(input, width));
        graph.Initializer.Add(Tensor("W", [width, k], [.. Enumerable.Range(0, width * k).Select(i => _weights[i / k, i % k])]));
        graph.Initializer.Add(Tensor("B", [k], _bias));
        graph.Initializer.Add(Int64s("flat", [-1]));
        graph.Node.Add(Node("MatMul", [input, "W"], "xw"));
        graph.Node.Add(Node("Add", ["xw", "B"], "z"));
        for (var o = 0; o < k; o++)
        {
            var name = _outputs[o];
            graph.Initializer.Add(Int64s($"start_{o}", [o]));
            graph.Initializer.Add(Int64s($"end_{o}", [o + 1]));
            graph.Initializer.Add(Int64s($"axis_{o}", [1]));
            graph.Node.Add(Node("Slice", ["z", $"start_{o}", $"end_{o}", $"axis_{o}"], $"z_{o}"));
            graph.Node.Add(Node(name == "watch_seconds" ? "Exp" : "Sigmoid", [$"z_{o}"], $"y_{o}"));
            graph.Node.Add(Node("Reshape", [$"y_{o}", "flat"], name));
            graph.Output.Add(Value(name, null));
        }

        var model = new ModelProto { IrVersion = 8, ProducerName = "samples/CandidateTrainer", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "feature_contract_version", Value = contractVersion.ToString(CultureInfo.InvariantCulture) });
        model.WriteTo(output);
    }

    private static (float[] Mean, float[] Scale) Standardisation(float[][] rows, int width)
    {
        var mean = new double[width];
        var square = new double[width];
        foreach (var r in rows)
        {
            for (var j = 0; j < width; j++)
            {
                mean[j] += r[j];
                square[j] += (double)r[j] * r[j];
            }
        }

        var m = new float[width];
        var s = new float[width];
        for (var j = 0; j < width; j++)
        {
            m[j] = (float)(mean[j] / rows.Length);
            var variance = (square[j] / rows.Length) - (m[j] * (double)m[j]);
            s[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (m, s);
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var n = new NodeProto { OpType = op, Name = output };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        return n;
    }

    private static TensorProto Tensor(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    private static TensorProto Int64s(string name, long[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        return t;
    }

    private static ValueInfoProto Value(string name, int? width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "candidates" });
        if (width is { } w)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = w });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public bool Positive { get; set; }
    }
}
