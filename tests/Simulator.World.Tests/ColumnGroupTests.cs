using System.Reflection;
using Simulator.World.Behaviour;
using Simulator.World.Population;

namespace Simulator.World.Tests;

public sealed class ColumnGroupTests
{
    private static UserTable Built() => PopulationBuilder.Build(new PopulationOptions { Size = 300 }, new BehaviourOptions(), 5, 8);

    [Fact]
    public void Should_KnowEveryColumn_When_AGroupExposesIt()
    {
        // Given a built user table
        var users = Built();

        // When each group's public array properties are read
        foreach (var group in users.Groups)
        {
            var exposed = group.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsArray)
                .Select(p => (p.Name, Value: (Array)p.GetValue(group)!))
                .ToList();

            // Then every one is a registered column, so Clear and snapshots take it too
            Assert.NotEmpty(exposed);
            foreach (var (name, value) in exposed)
            {
                Assert.True(group.Columns.Contains(value), $"{group.GetType().Name}.{name} is not a registered column");
            }

            Assert.Equal(exposed.Count, group.Columns.Count);
        }
    }

    [Fact]
    public void Should_ZeroEveryTotal_When_LifetimeTotalsAreCleared()
    {
        // Given lifetime totals with something in every column
        var users = Built();
        foreach (var column in users.Lifetime.Columns)
        {
            for (var i = 0; i < column.Length; i++)
            {
                column.SetValue(Convert.ChangeType(i % 7 + 1, column.GetType().GetElementType()!, System.Globalization.CultureInfo.InvariantCulture), i);
            }
        }

        // When the group is cleared
        users.Lifetime.Clear();

        // Then no column holds anything
        foreach (var column in users.Lifetime.Columns)
        {
            foreach (var value in column)
            {
                Assert.Equal(0L, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Should_HaveEveryColumnOneRowPerUser_When_TheTableIsBuilt()
    {
        // Given a table of 300 users and 20 topics
        var users = Built();

        // Then each column is one row per user, or one row of topics per user
        foreach (var group in users.Groups)
        {
            Assert.Equal(users.Count, group.Count);
            foreach (var column in group.Columns)
            {
                Assert.Contains(column.Length, new[] { users.Count, users.Count * users.Topics });
            }
        }
    }
}
