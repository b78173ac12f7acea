using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments;

/// <summary>
/// What an advice request (<c>POST /assignments</c>) sends for the published profile set: every feature that enters the
/// advice, with its type, allowed values or range, and labels. Protected features, features that only describe the
/// profiles and the outflow outcome are never listed: they are never sent.
/// </summary>
public sealed class AdviceFeatureCatalogue
{
    /// <summary>The published profile set the advice is given with.</summary>
    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Every feature an advice request sends, all of them required, in declared order.</summary>
    public IReadOnlyList<AdviceFeature> Features { get; init; } = [];

    public static AdviceFeatureCatalogue From(PublishedProfileSetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdviceFeatureCatalogue
        {
            ProfileSetId = model.ProfileSetId,
            PublishedAt = model.PublishedAt,
            Features = model.Space.Features.Where(f => f.InDistance).Select(AdviceFeature.From).ToList(),
        };
    }
}
