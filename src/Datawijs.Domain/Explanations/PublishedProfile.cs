namespace Datawijs.Domain.Explanations;

/// <summary>One published profile: its id, name and its centre (centroid) in raw units.</summary>
/// <param name="Id">The profile's id.</param>
/// <param name="Name">The profile's name in Dutch and English.</param>
/// <param name="Centroid">
/// For every clustering feature: the mean in raw units (numeric) or the mode (categorical).
/// </param>
/// <param name="Description">An optional plain-language (B1) description of the profile.</param>
/// <param name="PublishedMedians">
/// Per numeric feature, the profile's median as the publication shows it (rounded; null when withheld). What a
/// person is shown as the profile's value (<see cref="Disclosure.PublishedAdvice.ProfileValue"/>); when absent,
/// the centre rounded as medians are.
/// </param>
/// <param name="PublishedHouseholds">
/// The profile's number of households as the publication shows it (rounded to 5; null when withheld or
/// unknown). The centres behind the figures of an advice are rounded so that, times this number, they are a
/// multiple of 5 (<see cref="Disclosure.PublishedFigures.Centre"/>).
/// </param>
public sealed record PublishedProfile(
    Guid Id,
    LocalizedText Name,
    IReadOnlyDictionary<string, FeatureValue> Centroid,
    LocalizedText? Description = null,
    IReadOnlyDictionary<string, double?>? PublishedMedians = null,
    int? PublishedHouseholds = null);
