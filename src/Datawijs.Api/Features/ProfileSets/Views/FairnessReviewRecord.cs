namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The recorded review of the inequality check, for the data owner: who, when, why and what was found.</summary>
public sealed class FairnessReviewRecord
{
    public DateTimeOffset ReviewedAt { get; init; }

    public string Reasoning { get; init; } = "";

    public string ClientId { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? UserRepresentation { get; init; }

    /// <summary>The findings as they stood when the person reviewed them.</summary>
    public IReadOnlyList<FairnessFindingView> Findings { get; init; } = [];
}
