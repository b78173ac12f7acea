namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>Something that stops publication.</summary>
public sealed class PublicationBlocker
{
    /// <summary>too-few-profiles, unnamed, undescribed, profile-too-small, protected-over-representation (until a person reviews it) or publication-difference.</summary>
    public string Code { get; init; } = "";

    public Guid? ProfileId { get; init; }

    public string Reason { get; init; } = "";

    public static PublicationBlocker From(Domain.ProfileSets.PublicationBlocker blocker)
    {
        ArgumentNullException.ThrowIfNull(blocker);
        return new PublicationBlocker { Code = blocker.Code, ProfileId = blocker.ProfileId, Reason = blocker.Reason };
    }
}
