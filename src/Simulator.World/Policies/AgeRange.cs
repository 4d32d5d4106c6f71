using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Policies;

/// <summary>Shared validation of the <c>ages: [min, max]</c> lists of policies.</summary>
internal static class AgeRange
{
    public static IEnumerable<ValidationResult> Validate(List<int> ages, string member)
    {
        if (ages.Count != 2)
        {
            yield return new ValidationResult($"ages must be [min, max], two whole numbers; got {ages.Count} value(s).", [member]);
            yield break;
        }

        if (ages[0] < 0 || ages[1] > 120)
        {
            yield return new ValidationResult($"ages must lie in 0–120; got [{ages[0]}, {ages[1]}].", [member]);
        }

        if (ages[0] > ages[1])
        {
            yield return new ValidationResult($"ages [{ages[0]}, {ages[1]}] is inverted: the first must not exceed the second.", [member]);
        }
    }

    public static bool Contains(List<int> ages, int age) => age >= ages[0] && age <= ages[1];
}
