namespace Datawijs.Domain.Maturity;

/// <summary>Where one scan stands among the peers.</summary>
/// <param name="Percentile">
/// The quartile band of the overall score among the peers, given as its middle: 12.5 (below the first
/// quartile), 37.5 (from the first quartile to the median), 50 (on the median), 62.5 (above the median up
/// to the third quartile) or 87.5 (above the third quartile), judged against the published quartiles.
/// </param>
public sealed record PeerPosition(PeerTier Tier, LocalizedText TierName, double Percentile);
