using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.Engine.Tests;

public sealed class SimLoopTests
{
    private sealed class Probe(string name, SimPhase phase, int order, List<string> log) : ISimSystem
    {
        public SimPhase Phase => phase;

        public int UpdateOrder => order;

        public Action<SimTime>? OnUpdate { get; init; }

        public void Update(in SimTime time)
        {
            log.Add($"{name}@{time.Tick}");
            OnUpdate?.Invoke(time);
        }
    }

    [Fact]
    public void Should_RunByPhaseThenOrderThenRegistration_When_Stepped()
    {
        var log = new List<string>();
        var loop = new SimLoop(60);
        loop.Add(new Probe("observe", SimPhase.Observe, 0, log));
        loop.Add(new Probe("b", SimPhase.Sessions, 5, log));
        loop.Add(new Probe("a", SimPhase.Sessions, 1, log));
        loop.Add(new Probe("c", SimPhase.Sessions, 5, log));
        loop.Add(new Probe("sched", SimPhase.Schedule, 99, log));

        loop.Step();

        Assert.Equal(["sched@0", "a@0", "b@0", "c@0", "observe@0"], log);
        Assert.Equal(1, loop.Now.Tick);
    }

    [Fact]
    public void Should_DeferAddUntilNextTick_When_AddedDuringATick()
    {
        var log = new List<string>();
        var loop = new SimLoop(60);
        var late = new Probe("late", SimPhase.Schedule, 0, log);
        loop.Add(new Probe("adder", SimPhase.Sessions, 0, log) { OnUpdate = t => { if (t.Tick == 0) loop.Add(late); } });

        loop.Step();
        loop.Step();

        Assert.Equal(["adder@0", "late@1", "adder@1"], log);
    }

    [Fact]
    public void Should_SkipObserve_When_ObserveIsDisabled()
    {
        var log = new List<string>();
        var loop = new SimLoop(60) { ObserveEnabled = false };
        loop.Add(new Probe("observe", SimPhase.Observe, 0, log));
        loop.Add(new Probe("work", SimPhase.Sessions, 0, log));

        loop.Step();

        Assert.Equal(["work@0"], log);
    }

    [Fact]
    public void Should_StopOnATickBoundary_When_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        var log = new List<string>();
        var loop = new SimLoop(60);
        loop.Add(new Probe("work", SimPhase.Sessions, 0, log) { OnUpdate = t => { if (t.Tick == 4) cts.Cancel(); } });

        var finished = loop.RunUntil(100, cts.Token);

        Assert.False(finished);
        Assert.Equal(5, loop.Now.Tick);
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public void Should_ComputeDayAndTimeOfDay_When_TimeAdvances()
    {
        var t = new SimTime(1439, 60);
        Assert.Equal(0, t.Day);
        Assert.True(t.IsLastTickOfDay);
        Assert.Equal(1, t.Next.Day);
        Assert.Equal(0, t.Next.SecondOfDay);
        Assert.Equal(1440, t.TicksPerDay);
    }
}
