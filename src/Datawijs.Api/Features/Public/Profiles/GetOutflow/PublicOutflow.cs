using Datawijs.Api.Features.ProfileSets.Views;

namespace Datawijs.Api.Features.Public.Profiles.GetOutflow;

/// <summary>The published time to outflow of an organisation's profiles.</summary>
public sealed class PublicOutflow
{
    public string Tenant { get; init; } = "";

    public string Organisation { get; init; } = "";

    public Guid ProfileSetId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Exactly what was published with the profile set: coarsened curves, rounded counts, small profiles withheld.</summary>
    public PublishedOutflowView Outflow { get; init; } = new();
}
