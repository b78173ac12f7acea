namespace Datawijs.Domain.ProfileSets;

/// <summary>A finding of the inequality check as a person saw it when they reviewed: the profile's cluster, the protected feature and the group.</summary>
public sealed record ReviewedFinding(int Cluster, string Feature, string Value);
