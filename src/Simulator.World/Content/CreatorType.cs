namespace Simulator.World.Content;

/// <summary>What kind of account a creator is; shapes production quality and authenticity.</summary>
public enum CreatorType : byte
{
    Amateur,
    Professional,
    Ugc,
    EmployeeAdvocate,
    BrandAccount,

    /// <summary>A user's own account that posts rarely, followed by friends (Pew 2024); never hired.</summary>
    Personal,
}
