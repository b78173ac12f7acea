namespace Datawijs.Domain.Maturity;

/// <summary>The three peer tiers, by tertiles of the overall score.</summary>
public enum PeerTier
{
    /// <summary>Volgers: below the lower tertile.</summary>
    Followers,

    /// <summary>Middenmoters: from the lower to the upper tertile, both included.</summary>
    MiddleGroup,

    /// <summary>Voorlopers: above the upper tertile.</summary>
    Leaders,
}
