using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Disclosure;

public sealed record PublishedDistribution(string Feature, FeatureRole Role, IReadOnlyList<PublishedCell> Cells);
