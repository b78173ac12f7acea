using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Disclosure;

/// <summary>A numeric feature is only ever shown as a rounded median (never a minimum or maximum); null = suppressed.</summary>
public sealed record PublishedMedian(string Feature, FeatureRole Role, double? Median, double? PopulationMedian);
