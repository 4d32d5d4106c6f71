using System.Security.Cryptography;

namespace Recommender.Ranking.Onnx;

/// <summary>
/// External ranker models of this process, loaded and checked once per file content and shared by
/// every core that names them (ONNX Runtime sessions score from many threads at once).
/// </summary>
public static class RankerModels
{
    private static readonly Dictionary<string, OnnxRanker> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// Loads and checks the model at <paramref name="path"/> and returns the SHA-256 (lower-case hex)
    /// of its bytes; throws <see cref="RankerModelException"/> listing what is wrong with it.
    /// </summary>
    public static string Verify(string path)
    {
        var bytes = Read(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Get(path, bytes, hash);
        return hash;
    }

    internal static OnnxRanker Get(string path)
    {
        var bytes = Read(path);
        return Get(path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    internal static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RankerModelException(path, ["file not found; expected an ONNX model written by `simulator export-ranker` or trained outside on `simulator export-training` data."]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RankerModelException(path, [$"cannot read the file: {ex.Message}"]);
        }
    }

    private static OnnxRanker Get(string path, byte[] bytes, string hash)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(hash, out var ranker))
            {
                ranker = OnnxRanker.Load(path, bytes);
                Loaded[hash] = ranker;
            }

            return ranker;
        }
    }
}
