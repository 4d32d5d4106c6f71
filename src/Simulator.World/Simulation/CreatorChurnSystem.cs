using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>
/// At the end of each day: a creator whose videos went unseen for content.dormant_after_days
/// days stops posting for the rest of the run (creators who get no audience give up; a
/// modelling choice, documented in the README). Newcomers start posting in UploadSystem.
/// </summary>
internal sealed class CreatorChurnSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Train;

    public int UpdateOrder => 900;

    public void Update(in SimTime time)
    {
        var after = world.Settings.Content.DormantAfterDays;
        if (!time.IsLastTickOfDay || after <= 0)
        {
            return;
        }

        var creators = world.Content.Creators;
        var day = time.Day;
        var changed = false;
        for (var c = 0; c < creators.CreatorCount; c++)
        {
            if (creators.Dormant[c] || creators.FirstUploadSecond[c] == long.MaxValue)
            {
                continue;
            }

            var firstDay = (int)Math.Floor(creators.FirstUploadSecond[c] / 86_400.0);
            if (day - Math.Max(creators.LastSeenDay[c], firstDay) >= after)
            {
                creators.Dormant[c] = true;
                changed = true;
            }
        }

        if (changed)
        {
            creators.RebuildUploadRates(creators.RatesDay);
        }
    }
}
