using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Clustering;

/// <summary>All profiles of a clustering with exact counts. Internal material: publish only via the disclosure gate.</summary>
public sealed record ProfileSetDescription(int TotalHouseholds, IReadOnlyList<FeatureDefinition> Features, IReadOnlyList<ProfileDescription> Profiles);
