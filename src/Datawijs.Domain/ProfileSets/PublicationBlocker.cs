namespace Datawijs.Domain.ProfileSets;

/// <summary>Something that stops publication: a stable code, the profile it concerns (null = the whole set) and what to do about it.</summary>
public sealed record PublicationBlocker(string Code, Guid? ProfileId, string Reason)
{
    public const string TooFewProfiles = "too-few-profiles";
    public const string Unnamed = "unnamed";
    public const string Undescribed = "undescribed";
    public const string ProfileTooSmall = "profile-too-small";
    public const string ProtectedOverRepresentation = "protected-over-representation";
    public const string PublicationDifference = "publication-difference";
}
