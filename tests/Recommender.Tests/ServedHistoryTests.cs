using Recommender.State;

namespace Recommender.Tests;

public sealed class ServedHistoryTests
{
    // The reference: each user's last `memory` served ids, kept as a plain int ring.
    private sealed class Reference(int memory, int users)
    {
        private readonly int[][] _rings = [.. Enumerable.Range(0, users).Select(_ => Enumerable.Repeat(-1, memory).ToArray())];
        private readonly int[] _pos = new int[users];

        public void Add(int user, int video)
        {
            _rings[user][_pos[user]] = video;
            _pos[user] = (_pos[user] + 1) % memory;
        }

        public bool Contains(int user, int video) => _rings[user].Contains(video);

        public IEnumerable<int> Remembered(int user) => _rings[user].Where(v => v >= 0);
    }

    [Theory]
    [InlineData(false, 8)]
    [InlineData(false, 128)]
    [InlineData(true, 128)]
    [InlineData(true, 300)]
    public void Should_RememberExactlyTheLastServed_When_IdsShareTheirLow16Bits(bool wide, int memory)
    {
        // Given ids drawn so that many share their low 16 bits (v, v + 65,536, v + 2 × 65,536, ...), and past 2^24 when wide
        const int users = 5;
        var history = new ServedHistory(memory, users);
        var reference = new Reference(memory, users);
        var top = wide ? 1 << 26 : (1 << 24) - 2;
        if (wide)
        {
            history.EnsureVideos(top + 1);
        }

        var random = new TestDraws(7);
        var marks = new int[top + 1];
        for (var step = 0; step < 4000; step++)
        {
            var user = random.Next(users);
            var video = random.Next(3) switch
            {
                0 => random.Next(50) + (65_536 * random.Next(4)),
                1 => top - random.Next(50),
                _ => random.Next(top + 1),
            };

            // When videos are served
            history.Add(user, video);
            reference.Add(user, video);

            // Then membership answers as the plain ring does, for served ids and for their low-half twins
            var probe = random.Next(50) + (65_536 * random.Next(4));
            Assert.Equal(reference.Contains(user, probe), history.Contains(user, probe));
            Assert.True(history.Contains(user, video));
            if (step % 97 == 0)
            {
                // and marking stamps exactly the remembered ids
                var stamp = step + 1;
                history.Mark(user, marks, stamp);
                var remembered = reference.Remembered(user).ToHashSet();
                Assert.All(remembered, v => Assert.Equal(stamp, marks[v]));
                Assert.Equal(remembered.Count, marks.AsSpan().Count(stamp));
            }
        }

        Assert.Equal(wide, history.Wide);
    }

    [Fact]
    public void Should_RefuseAnIdPast24Bits_When_NotWidened()
    {
        var history = new ServedHistory(8, 1);
        history.Add(0, (1 << 24) - 2);
        Assert.True(history.Contains(0, (1 << 24) - 2));
        Assert.Throws<InvalidOperationException>(() => history.Add(0, (1 << 24) - 1));

        // a catalogue that big widens the entries and keeps what was remembered
        history.EnsureVideos(1 << 24);
        history.Add(0, (1 << 24) + 5);
        Assert.True(history.Contains(0, (1 << 24) - 2));
        Assert.True(history.Contains(0, (1 << 24) + 5));
        Assert.False(history.Contains(0, 5));
    }

    [Fact]
    public void Should_ForgetEverything_When_Cleared()
    {
        var history = new ServedHistory(8, 2);
        history.Add(1, 0);
        history.Add(1, 65_536);
        history.Clear();
        Assert.False(history.Contains(1, 0));
        Assert.False(history.Contains(1, 65_536));
        var marks = new int[70_000];
        history.Mark(1, marks, 3);
        Assert.DoesNotContain(3, marks);
    }
}
