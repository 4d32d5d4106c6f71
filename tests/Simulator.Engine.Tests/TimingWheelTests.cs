using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Engine.Scheduling;

namespace Simulator.Engine.Tests;

public sealed class TimingWheelTests
{
    [Fact]
    public void Should_DrainIdsAtTheirTickInScheduleOrder_When_ScheduledWithinSpan()
    {
        var wheel = new TimingWheel(100, log2Slots: 4);
        wheel.Schedule(1, 3);
        wheel.Schedule(2, 1);
        wheel.Schedule(3, 3);
        var sink = new List<int>();

        for (var t = 0; t < 3; t++)
        {
            wheel.Drain(t, sink);
        }

        Assert.Equal([2], sink);
        sink.Clear();
        wheel.Drain(3, sink);
        Assert.Equal([1, 3], sink);
        Assert.Equal(0, wheel.Pending);
    }

    [Fact]
    public void Should_DeliverFarFutureEntries_When_BeyondTheWheelSpan()
    {
        // Given a 16-slot wheel and wake-ups 5 revolutions ahead
        var wheel = new TimingWheel(100, log2Slots: 4);
        wheel.Schedule(7, 83);
        wheel.Schedule(8, 17);
        var sink = new List<int>();
        var seenAt = new Dictionary<int, long>();

        for (var t = 0; t <= 100; t++)
        {
            sink.Clear();
            wheel.Drain(t, sink);
            foreach (var id in sink)
            {
                seenAt[id] = t;
            }
        }

        Assert.Equal(83, seenAt[7]);
        Assert.Equal(17, seenAt[8]);
    }

    [Property(MaxTest = 200)]
    public Property Should_DrainEveryIdExactlyOnceAtItsDueTick_When_ScheduleIsArbitrary(int[] dues, bool far)
    {
        // 8-tick revolutions: 64 of them span 512 ticks, so "far" dues up to 3,000 exercise all three levels.
        var horizon = far ? 3000 : 300;
        var wheel = new TimingWheel(dues.Length, log2Slots: 3);
        var due = dues.Select(d => (long)Math.Abs(d % horizon) * (far ? 7 : 1) % horizon).ToArray();
        for (var i = 0; i < due.Length; i++)
        {
            wheel.Schedule(i, due[i]);
        }

        var drainedAt = new long[due.Length];
        Array.Fill(drainedAt, -1);
        var sink = new List<int>();
        for (var t = 0; t < horizon; t++)
        {
            sink.Clear();
            wheel.Drain(t, sink);
            foreach (var id in sink)
            {
                if (drainedAt[id] != -1)
                {
                    return false.ToProperty();
                }

                drainedAt[id] = t;
            }
        }

        return drainedAt.SequenceEqual(due).ToProperty();
    }

    [Fact]
    public void Should_DrainAtDueTick_When_IdsAreRescheduledWhileRunning()
    {
        // Given ids that go back to sleep for 1 to 3,000 ticks each time they wake (all levels)
        var wheel = new TimingWheel(500, log2Slots: 3);
        var due = new long[500];
        var rng = new Random.RandomCursor(1, 2, 3);
        for (var i = 0; i < due.Length; i++)
        {
            due[i] = rng.NextInt(3000);
            wheel.Schedule(i, due[i]);
        }

        var sink = new List<int>();
        var wakes = 0;
        for (var t = 0L; t < 20_000; t++)
        {
            sink.Clear();
            wheel.Drain(t, sink);
            foreach (var id in sink)
            {
                // Then every wake-up happens exactly at its due tick
                Assert.Equal(due[id], t);
                due[id] = t + 1 + rng.NextInt(3000);
                wheel.Schedule(id, due[id]);
                wakes++;
            }
        }

        Assert.True(wakes > 2000);
        Assert.Equal(500, wheel.Pending);
    }

    [Fact]
    public void Should_RefuseSecondSchedule_When_IdIsAlreadyWaiting()
    {
        var wheel = new TimingWheel(4, log2Slots: 3);
        wheel.Schedule(2, 5);
        Assert.True(wheel.IsScheduled(2));
        Assert.Throws<InvalidOperationException>(() => wheel.Schedule(2, 6));
    }

    [Fact]
    public void Should_AllocateNothing_When_SchedulingAndDrainingAtAnyLoad()
    {
        var wheel = new TimingWheel(10_000, log2Slots: 6);
        var sink = new List<int>(10_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 0; t < 200; t++)
        {
            // Uneven load: bursts of up to 5,000 ids in one bucket, some far beyond the span
            for (var i = 0; i < 50; i++)
            {
                var id = (t * 50 + i) % 10_000;
                if (!wheel.IsScheduled(id))
                {
                    wheel.Schedule(id, t + (i % 7 == 0 ? 500 : 3));
                }
            }

            sink.Clear();
            wheel.Drain(t, sink);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Should_TouchOnlyDueEntries_When_ManyEntriesSleep()
    {
        // Given 200,000 sleepers due after the horizon and 10 wake-ups per tick
        var wheel = new TimingWheel(200_000 + 500 * 10, log2Slots: 10);
        for (var i = 0; i < 200_000; i++)
        {
            wheel.Schedule(i, 1_000_000);
        }

        var sink = new List<int>();
        for (var t = 0; t < 500; t++)
        {
            for (var k = 0; k < 10; k++)
            {
                wheel.Schedule(200_000 + t * 10 + k, t);
            }

            sink.Clear();
            wheel.Drain(t, sink);

            // Then each tick hands back only the ten that are due
            Assert.Equal(10, sink.Count);
        }
    }
}
