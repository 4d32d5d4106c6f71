namespace Simulator.Reporting.Report;

/// <summary>A rendered plot: file name under <c>plots/</c>, caption, PNG bytes.</summary>
public sealed record Chart(string FileName, string Caption, byte[] Png);
