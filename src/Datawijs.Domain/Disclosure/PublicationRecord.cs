namespace Datawijs.Domain.Disclosure;

/// <summary>
/// What one publication of a dataset's profiles showed, with the exact counts behind it, so that a later
/// publication of the same dataset can be compared with it. Internal material, like the exact description.
/// </summary>
public sealed record PublicationRecord(
    Guid ProfileSetId,
    DateTimeOffset PublishedAt,
    int TotalHouseholds,
    IReadOnlyList<PublishedCount> Population,
    IReadOnlyList<PublishedProfileCounts> Profiles)
{
    public int K => Profiles.Count;
}
