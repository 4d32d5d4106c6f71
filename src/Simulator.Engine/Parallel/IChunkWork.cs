namespace Simulator.Engine.Parallel;

/// <summary>Work split into fixed chunks; each chunk writes only its own rows and buffers.</summary>
public interface IChunkWork
{
    /// <summary>Processes items <c>[start, end)</c>, which form chunk number <paramref name="chunk"/>.</summary>
    void Execute(int chunk, int start, int end);
}
