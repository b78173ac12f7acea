using Datawijs.Domain.Clustering;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The clustering matrix of a dataset with, when it declares one, the outflow outcome of every row.</summary>
public sealed record LoadedRecords(MixedDataMatrix Matrix, double[]? Durations, bool[]? Events);
