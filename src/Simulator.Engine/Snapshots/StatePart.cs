namespace Simulator.Engine.Snapshots;

/// <summary>Arrays of unmanaged values at one field path of a state graph: their bytes, and the element count of the largest (what overflows first).</summary>
/// <param name="Path">Field names from the root, e.g. <c>Root.Child.Column</c>.</param>
/// <param name="Bytes">Bytes of every array at that path.</param>
/// <param name="LargestArray">Elements of the largest of them.</param>
public sealed record StatePart(string Path, long Bytes, long LargestArray);
