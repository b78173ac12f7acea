namespace Datawijs.Domain.Disclosure;

/// <summary>
/// One protected group (a declared value of a protected categorical feature) that is over-represented in
/// one profile: its share in the profile is more than <see cref="FairnessCheckOptions.MaximumRatio"/> times
/// its share among the households outside the profile, and significantly so. <see cref="Ratio"/> and
/// <see cref="PValue"/> come from exact counts: internal, for the data owner; never published.
/// </summary>
public sealed record FairnessFinding(int Cluster, string Feature, string Value, double Ratio, double PValue);
