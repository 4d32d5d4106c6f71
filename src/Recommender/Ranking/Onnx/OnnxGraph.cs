using Google.Protobuf;
using Onnx;

namespace Recommender.Ranking.Onnx;

/// <summary>
/// A small builder of ONNX graphs (the protobuf types come from OnnxSharp): named constants,
/// nodes of the default and <c>ai.onnx.ml</c> domains, float32 inputs and outputs with a
/// dynamic first dimension.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>Operator set of the default domain the graphs use.</summary>
    public const long Opset = 13;

    /// <summary>Operator set of <c>ai.onnx.ml</c> (TreeEnsembleRegressor).</summary>
    public const long MlOpset = 3;

    public const string MlDomain = "ai.onnx.ml";

    private readonly GraphProto _graph = new() { Name = "ranker" };
    private int _next;

    public GraphProto Graph => _graph;

    /// <summary>Adds a float32 input of shape [N, <paramref name="width"/>] (N dynamic).</summary>
    public void Input(string name, int width) => _graph.Input.Add(Value(name, width));

    /// <summary>Marks <paramref name="name"/> as a float32 output of shape [N].</summary>
    public void Output(string name) => _graph.Output.Add(Value(name, null));

    public string Floats(float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = Fresh("c"), DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        _graph.Initializer.Add(t);
        return t.Name;
    }

    public string Int64s(params long[] values)
    {
        var t = new TensorProto { Name = Fresh("c"), DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        _graph.Initializer.Add(t);
        return t.Name;
    }

    /// <summary>Adds a node and returns the name of its (single) output, or <paramref name="output"/> when given.</summary>
    public string Node(string op, string[] inputs, string? output = null, string domain = "", params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = Fresh(op), Domain = domain };
        node.Input.AddRange(inputs);
        var name = output ?? Fresh(op.ToLowerInvariant());
        node.Output.Add(name);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return name;
    }

    public string Node(string op, params string[] inputs) => Node(op, inputs, null, "");

    public static AttributeProto Attr(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Attr(string name, string value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Attr(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Attr(string name, IEnumerable<float> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    public static AttributeProto Attr(string name, IEnumerable<string> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        a.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return a;
    }

    /// <summary>The whole model, with the operator sets it uses and metadata.</summary>
    public ModelProto Model(string producer, IReadOnlyDictionary<string, string> metadata)
    {
        var m = new ModelProto { IrVersion = 8, ProducerName = producer, Graph = _graph };
        m.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        m.OpsetImport.Add(new OperatorSetIdProto { Domain = MlDomain, Version = MlOpset });
        foreach (var (k, v) in metadata)
        {
            m.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
        }

        return m;
    }

    private string Fresh(string prefix) => $"{prefix}_{_next++}";

    private static ValueInfoProto Value(string name, int? width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "candidates" });
        if (width is { } w)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = w });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
