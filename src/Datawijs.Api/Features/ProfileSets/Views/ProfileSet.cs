namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>A set of profiles made from one clustering: draft, published or retired.</summary>
public sealed class ProfileSet
{
    public Guid Id { get; init; }

    public Guid DatasetId { get; init; }

    public Guid ClusteringId { get; init; }

    /// <summary>draft, published or retired.</summary>
    [Datawijs.Api.OpenApi.WireValues("draft", "published", "retired")]
    public string Status { get; init; } = "";

    /// <summary>Empty when the set can be published now.</summary>
    public IReadOnlyList<PublicationBlocker> PublicationBlockers { get; init; } = [];

    /// <summary>The disclosure gate's report: what is withheld and why.</summary>
    public DisclosureView Disclosure { get; init; } = new();

    /// <summary>The profiles as the gate lets them be seen; for a published or retired set, exactly what was published.</summary>
    public ProfileSetView View { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>The person's review of the inequality check's findings (who, when, why), for the data owner; null when none was needed or made.</summary>
    public FairnessReviewRecord? FairnessReview { get; init; }
}
