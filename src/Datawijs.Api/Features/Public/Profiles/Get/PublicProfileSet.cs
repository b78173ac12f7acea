using Datawijs.Api.Features.ProfileSets.Views;

namespace Datawijs.Api.Features.Public.Profiles.Get;

/// <summary>The published profiles of an organisation, for anyone.</summary>
public sealed class PublicProfileSet
{
    /// <summary>The organisation's short name.</summary>
    public string Tenant { get; init; } = "";

    public string Organisation { get; init; } = "";

    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>
    /// Exactly what was published: the profiles after the disclosure gate, and how they were made. Of the
    /// inequality check only the outcome, the method and the review: no findings (which profile, which group).
    /// </summary>
    public ProfileSetView View { get; init; } = new();

    /// <summary>
    /// The inequality check and its outcome in plain words, in the language asked for (Dutch B1 by default,
    /// English on Accept-Language: en): whether an over-representation of a protected group was found and a
    /// person's review (date, reasoning), never which profile or group; view.fairness holds it in both languages.
    /// </summary>
    public string FairnessCheck { get; init; } = "";

    /// <summary>
    /// The features the advice is based on (the feature catalogue): type, whole numbers only or not, range or allowed
    /// values with labels, and whether each can change. Exactly what a case worker's system sends for advice; protected,
    /// descriptive and outflow features never take part and are not listed.
    /// </summary>
    public IReadOnlyList<Assignments.AdviceFeature> AdviceFeatures { get; init; } = [];
}
