namespace Recommender.Abstractions;

/// <summary>What the platform knows about an account: settings, never hidden traits.</summary>
/// <param name="UserId">Dense user id, 0-based.</param>
/// <param name="Country">ISO 3166 alpha-2 country of the account.</param>
/// <param name="Language">App language (ISO 639-1).</param>
/// <param name="Device">Device class reported by the client.</param>
/// <param name="IsTeenAccount">Account declared as under 18.</param>
/// <param name="NonPersonalizedFeed">The user switched personalisation off (EU DSA Art. 38): the feed must not be based on profiling.</param>
public readonly record struct UserAccount(int UserId, string Country, string Language, DeviceKind Device, bool IsTeenAccount, bool NonPersonalizedFeed = false);
