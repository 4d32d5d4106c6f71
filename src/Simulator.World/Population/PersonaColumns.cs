using Recommender.Abstractions;
using Simulator.World.Behaviour;

namespace Simulator.World.Population;

/// <summary>
/// Who each user is: demographics, account, device and the hidden traits the behaviour model
/// reads. Written by <see cref="PopulationBuilder"/> and read-only after the world is built.
/// </summary>
public sealed class PersonaColumns : ColumnGroup
{
    public PersonaColumns(int count, int topics)
        : base(count)
    {
        Generation = Column<Generation>(count);
        Age = Column<byte>(count);
        Gender = Column<byte>(count);
        Country = Column<byte>(count);
        UtcOffsetMinutes = Column<short>(count);
        Device = Column<DeviceKind>(count);
        IsTeen = Column<bool>(count);
        IsPoster = Column<bool>(count);
        NoveltySeeking = Column<float>(count);
        AuthenticityPreference = Column<float>(count);
        SocialProofSensitivity = Column<float>(count);
        AdTolerance = Column<float>(count);
        PurchasePropensity = Column<float>(count);
        Interest = Column<float>(count * topics);
        Taste = Column<TasteVector>(count);
        PreferredLength = Column<float>(count);
        Usage = Column<UsageType>(count);
        VisitRate = Column<float>(count);
        Clustering = Column<float>(count);
        SessionHabitSeconds = Column<float>(count);
        HabitNeutral = Column<float>(count);
        InstallSecond = Column<long>(count);
    }

    public Generation[] Generation { get; }

    public byte[] Age { get; }

    /// <summary>Index into <see cref="Genders.Keys"/>.</summary>
    public byte[] Gender { get; }

    /// <summary>Index into <see cref="Countries.All"/>.</summary>
    public byte[] Country { get; }

    public short[] UtcOffsetMinutes { get; }

    public DeviceKind[] Device { get; }

    public bool[] IsTeen { get; }

    /// <summary>Also posts videos (CALIBRATION.md §3: about half never post).</summary>
    public bool[] IsPoster { get; }

    /// <summary>Hidden traits in [0, 1].</summary>
    public float[] NoveltySeeking { get; }

    public float[] AuthenticityPreference { get; }

    public float[] SocialProofSensitivity { get; }

    public float[] AdTolerance { get; }

    public float[] PurchasePropensity { get; }

    /// <summary>Hidden topic interests θ, one row of topics per user, each row summing to 1.</summary>
    public float[] Interest { get; }

    /// <summary>Hidden taste vector z for fine-grained match with a video's taste (DESIGN.md §4).</summary>
    public TasteVector[] Taste { get; }

    /// <summary>Preferred video length, seconds (hidden).</summary>
    public float[] PreferredLength { get; }

    /// <summary>Light, casual or core user of the base; trial, casual or core install.</summary>
    public UsageType[] Usage { get; }

    /// <summary>Rate per day, at full habit, of visits that start a stretch of use (hidden).</summary>
    public float[] VisitRate { get; }

    /// <summary>Further sessions each session triggers, on average (the self-exciting branching ratio, hidden).</summary>
    public float[] Clustering { get; }

    /// <summary>Typical session length this user settles into, seconds (hidden).</summary>
    public float[] SessionHabitSeconds { get; }

    /// <summary>The user's own neutral session utility: what they expect of a session (hidden).</summary>
    public float[] HabitNeutral { get; }

    /// <summary>Second the user installs the app (negative during the warm-up); <see cref="Existing"/> for users there before the simulated span.</summary>
    public long[] InstallSecond { get; }

    /// <summary>The <see cref="InstallSecond"/> of a user already there before the first simulated tick.</summary>
    public const long Existing = long.MinValue;
}
