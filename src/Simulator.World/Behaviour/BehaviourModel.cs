using System.Runtime.CompilerServices;
using Recommender.Abstractions;
using Simulator.Engine.Random;
using Simulator.World.Content;
using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// The per-impression user model of DESIGN.md §4: utility from what the user perceives, then
/// swipe, watch fraction, reactions, satiation, fatigue and the quit hazard. Pure arithmetic
/// over the user's row: no allocation.
/// </summary>
public sealed class BehaviourModel
{
    private readonly BehaviourOptions _o;
    private readonly double _satiationDecayPerSecond;
    private readonly double _tasteScale;

    public BehaviourModel(BehaviourOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options;
        _satiationDecayPerSecond = Math.Log(2) / (options.SatiationHalfLifeHours * 3600.0);
        // cos of two random unit vectors in D dimensions has sd 1/√D: scaling by √D makes the
        // weight the utility sd that taste adds between a random user and video.
        _tasteScale = options.TasteWeight * Math.Sqrt(TasteVector.Dims);
    }

    /// <summary>
    /// Utility of a video for user <paramref name="u"/> before noise: topic interest damped by
    /// satiation, taste match, quality, authenticity match, social proof, length mismatch and fatigue.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Utility(UserTable users, int u, in VideoView v)
    {
        var k = users.Topics;
        var interest = users.Persona.Interest[u * k + v.Topic] * k;
        var sat = users.Viewer.Satiation[u * k + v.Topic];
        // Interest decays exponentially with satiation (rebounding bandits' b − λ·s, in log form so
        // interest stays positive); novelty seekers tire faster (λ scaled 0.5–1.5 by novelty seeking).
        var lambda = _o.SatiationPenalty * (0.5 + users.Persona.NoveltySeeking[u]);
        var satiated = interest * Math.Exp(-lambda * sat);
        var mismatch = Math.Abs(Math.Log(v.Length / users.Persona.PreferredLength[u]));
        var social = Math.Tanh((Math.Log(1.0 + v.Likes) - 2.0) / 2.0);
        return _o.InterestWeight * Math.Log(0.25 + satiated)
            + _tasteScale * TasteVector.Cosine(users.Persona.Taste[u], v.Taste)
            + _o.QualityWeight * (v.Quality - 0.5)
            + _o.AuthenticityWeight * users.Persona.AuthenticityPreference[u] * 2 * (v.Authenticity - 0.5)
            + _o.SocialProofWeight * users.Persona.SocialProofSensitivity[u] * social
            - _o.LengthMismatchWeight * mismatch
            - _o.FatigueWeight * users.Viewer.Fatigue[u];
    }

    /// <summary>Plays one video to user <paramref name="u"/> at <paramref name="nowSecond"/> and updates the user's state.</summary>
    /// <remarks><paramref name="utilityShift"/> is extra utility from campaign context (trust, disclosure, ad aversion); 0 for organic videos.</remarks>
    public WatchOutcome Watch(UserTable users, int u, in VideoView v, long nowSecond, ref RandomCursor rng, double utilityShift = 0)
    {
        DecaySatiation(users, u, nowSecond);
        var utility = Utility(users, u, v) + utilityShift + _o.UtilityNoise * rng.Logistic();
        var length = v.Length;
        var topic = v.Topic;

        float watched;
        var reactions = Reactions.None;
        // Completion falls with length for everyone (a − b·ln seconds) and with the user's own
        // length mismatch, which is part of the utility. The two are fitted together, by
        // simulation, to the population's completion-by-length curve (CALIBRATION.md §1;
        // behaviour.completion_intercept and completion_slope), not as if utility had no length in it.
        var pComplete = Sigmoid(_o.CompletionIntercept - (_o.CompletionSlope * Math.Log(length)) + utility);
        if (rng.Bernoulli(pComplete))
        {
            watched = length;
            reactions |= Reactions.Finished;
            // Short loops get replayed (not published; a modelling choice).
            if (length < 20 && rng.Bernoulli(Sigmoid(-3.0 + utility)))
            {
                watched += (float)(length * rng.NextDouble());
            }
        }
        else if (rng.Bernoulli(Sigmoid(-0.3 - utility)))
        {
            // Early swipe inside the hook window (CALIBRATION.md §1: most viewers give a video ≤ 30 s).
            watched = (float)Math.Min(length, 1.0 + 2.5 * rng.NextDouble());
        }
        else
        {
            watched = (float)(length * (0.15 + 0.8 * rng.NextDouble()));
        }

        var engaged = watched >= Math.Min(length, 5f);
        if (engaged)
        {
            // Base rates give ≈ 3–5 % likes per view at average utility (RivalIQ 2023: 4.14 % engagement per view, CALIBRATION.md §4).
            if (rng.Bernoulli(Sigmoid(-3.4 + 1.2 * utility))) reactions |= Reactions.Liked;
            if (rng.Bernoulli(Sigmoid(-6.0 + 1.2 * utility))) reactions |= Reactions.Commented;
            if (rng.Bernoulli(Sigmoid(-5.5 + 1.2 * utility))) reactions |= Reactions.Shared;
            if (rng.Bernoulli(Sigmoid(-6.5 + 1.2 * utility))) reactions |= Reactions.Followed;
        }
        else if (rng.Bernoulli(Sigmoid(-5.0 - 1.5 * utility)))
        {
            reactions |= Reactions.NotInterested;
        }

        var k = users.Topics;
        var satiationBefore = users.Viewer.Satiation[u * k + topic];
        users.Viewer.Satiation[u * k + topic] += Math.Min(1f, watched / length);

        // Session fatigue (KuaiSim's falling "temper", CALIBRATION.md §2): low utility and
        // repeats of the last topics raise it (more for novelty seekers); delight lowers it.
        var recent = users.Viewer.RecentTopics[u];
        var repeats = RecentTopicRing.RepeatsOfLastTwo(recent, topic);
        var f = users.Viewer.Fatigue[u] * 0.9f;
        if (utility < -0.5) f += 0.2f;
        f += 0.06f * (0.5f + users.Persona.NoveltySeeking[u]) * repeats;
        if (utility > 1.0) f -= 0.05f;
        users.Viewer.Fatigue[u] = Math.Clamp(f, 0f, 5f);
        users.Viewer.RecentTopics[u] = RecentTopicRing.Push(recent, topic);

        users.Viewer.SessionSeconds[u] += watched;
        users.Viewer.SessionItems[u]++;
        users.Viewer.SessionUtility[u] += (float)utility;

        var quit = rng.Bernoulli(QuitHazard(users, u, utility));
        return new WatchOutcome(watched, reactions, (float)utility, quit, satiationBefore);
    }

    /// <summary>A new session begins fresh: no fatigue, nothing watched, no recent topics (satiation carries over and decays).</summary>
    public static void StartSession(ViewerColumns viewer, int u)
    {
        viewer.SessionSeconds[u] = 0;
        viewer.SessionItems[u] = 0;
        viewer.SessionUtility[u] = 0;
        viewer.Fatigue[u] = 0;
        viewer.RecentTopics[u] = RecentTopicRing.Empty;
    }

    /// <summary>Probability of ending the session after a video with the given utility.</summary>
    public double QuitHazard(UserTable users, int u, double utility)
    {
        var overrun = users.Viewer.SessionSeconds[u] / users.Persona.SessionHabitSeconds[u] - 1.0;
        return Sigmoid(_o.QuitBaseLogOdds + _o.QuitFatigueWeight * users.Viewer.Fatigue[u] + 1.5 * overrun - 0.3 * utility);
    }

    /// <summary>The reason recorded when a session ends after a quit decision.</summary>
    public static SessionEndReason ReasonFor(UserTable users, int u) =>
        users.Viewer.Fatigue[u] >= 1.0f ? SessionEndReason.Fatigue : SessionEndReason.Satisfied;

    private void DecaySatiation(UserTable users, int u, long nowSecond)
    {
        var last = users.Viewer.LastImpressionSecond[u];
        users.Viewer.LastImpressionSecond[u] = nowSecond;
        // Warm-up seconds are negative, so "no impression yet" is its own sentinel, not 0.
        if (last == ViewerColumns.NoImpression || nowSecond <= last)
        {
            return;
        }

        var factor = (float)Math.Exp(-_satiationDecayPerSecond * (nowSecond - last));
        var row = users.Viewer.Satiation.AsSpan(u * users.Topics, users.Topics);
        System.Numerics.Tensors.TensorPrimitives.Multiply(row, factor, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
