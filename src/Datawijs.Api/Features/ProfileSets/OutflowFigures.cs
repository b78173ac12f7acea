using Datawijs.Domain.Datasets;
using Datawijs.Domain.Outflow;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>The exact outflow of a profile set's households (internal: publish only through <see cref="Domain.Disclosure.PublishedOutflow"/>).</summary>
public sealed record OutflowFigures(DurationUnit Unit, string By, IReadOnlyList<OutflowGroup> Groups, LogRankResult? LogRank, CoxResult? Cox, int LeftOut);
