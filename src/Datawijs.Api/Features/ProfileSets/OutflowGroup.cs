using Datawijs.Domain;
using Datawijs.Domain.Outflow;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>One group of an outflow analysis: a profile or a value of a categorical feature, with its exact curve.</summary>
public sealed record OutflowGroup(Guid? ProfileId, string? Value, LocalizedText Label, SurvivalCurve Curve);
