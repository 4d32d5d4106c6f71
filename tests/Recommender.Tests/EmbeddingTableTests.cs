using System.Numerics.Tensors;
using Recommender.Abstractions;
using Recommender.Embeddings;

namespace Recommender.Tests;

public sealed class EmbeddingTableTests
{
    private const int Dim = EmbeddingTable.Dim;

    private static float[] RandomVector(TestDraws random)
    {
        var v = new float[Dim];
        for (var i = 0; i < Dim; i++)
        {
            v[i] = random.Next(12) switch
            {
                0 => 0f,
                1 => -0f,
                2 => float.Epsilon * (1 + random.Next(99)),
                3 => (float)(random.NextDouble() * 1e30),
                _ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, (random.Next(6) - 3))),
            };
        }

        return v;
    }

    private static int[] Bits(ReadOnlySpan<float> v)
    {
        var bits = new int[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            bits[i] = BitConverter.SingleToInt32Bits(v[i]);
        }

        return bits;
    }

    [Fact]
    public void Should_MatchTheLibraryDotBitForBit_When_VectorsAreRandom()
    {
        // Given many random vector pairs, with zeros of both signs, subnormals and large values
        var random = new TestDraws(11);
        for (var trial = 0; trial < 200_000; trial++)
        {
            var a = RandomVector(random);
            var b = RandomVector(random);

            // Then the inlined dot product has the library's bits
            Assert.Equal(BitConverter.SingleToInt32Bits(TensorPrimitives.Dot<float>(a, b)), BitConverter.SingleToInt32Bits(EmbeddingTable.Dot(a, b)));
        }

        // including the sign of a zero sum (every product -0) and sums that cancel exactly
        var zeros = new float[Dim];
        var negatives = Enumerable.Repeat(-1.5f, Dim).ToArray();
        var alternating = Enumerable.Range(0, Dim).Select(i => i % 2 == 0 ? 1e8f : -1e8f).ToArray();
        var ones = Enumerable.Repeat(1f, Dim).ToArray();
        foreach (var (a, b) in new[] { (zeros, negatives), (negatives, zeros), (alternating, ones), (ones, ones) })
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(TensorPrimitives.Dot<float>(a, b)), BitConverter.SingleToInt32Bits(EmbeddingTable.Dot(a, b)));
        }
    }

    [Fact]
    public void Should_UpdateVectorsAsTheScalarStepDoes_When_AnImpressionIsLearned()
    {
        // Given a table whose video 3 is admitted (three impressions) and a video with two hashtags
        const float rate = 0.05f, l2 = 0.002f;
        var table = new EmbeddingTable(4, 8, seed: 5, learningRate: rate, l2: l2, admitAfter: 3);
        table.EnsureHashtags(10);
        var tags = HashtagSet.Of([2, 7]);
        var random = new TestDraws(3);
        for (var step = 0; step < 400; step++)
        {
            var user = random.Next(4);
            var positive = random.Next(2) == 0;
            var u = table.User(user).ToArray();
            var v = table.Video(3).ToArray();
            var t2 = table.Tag(2).ToArray();
            var t7 = table.Tag(7).ToArray();
            var admitted = step > 0;

            // When one impression is learned
            table.Update(user, 3, tags, positive, videoImpressions: 3, second: step);

            // Then the hashtags moved by the scalar formula, against the user's fixed vector
            var y = positive ? 1f : 0f;
            var pt = 1f / (1f + MathF.Exp(-((TensorPrimitives.Dot<float>(u, t2) + TensorPrimitives.Dot<float>(u, t7)) / 2)));
            var gt = (y - pt) / 2;
            foreach (var (before, tag) in new[] { (t2, 2), (t7, 7) })
            {
                for (var i = 0; i < Dim; i++)
                {
                    before[i] += rate * ((gt * u[i]) - (l2 * before[i]));
                }

                Assert.Equal(Bits(before), Bits(table.Tag(tag)));
            }

            if (!admitted)
            {
                continue;
            }

            // and the user and video vectors by the scalar SGD step, bit for bit
            var p = 1f / (1f + MathF.Exp(-TensorPrimitives.Dot<float>(u, v)));
            var g = y - p;
            for (var i = 0; i < Dim; i++)
            {
                var ui = u[i];
                u[i] += rate * (g * v[i] - l2 * ui);
                v[i] += rate * (g * ui - l2 * v[i]);
            }

            Assert.Equal(Bits(u), Bits(table.User(user)));
            Assert.Equal(Bits(v), Bits(table.Video(3)));
        }
    }
}
