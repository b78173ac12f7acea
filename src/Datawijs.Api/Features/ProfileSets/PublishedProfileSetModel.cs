using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// A published profile set as assignments and the public register entry need it: the profile
/// space to explain against (features with labels, scales, gamma, profiles with names and B1
/// descriptions) and how the set was made.
/// </summary>
/// <param name="ProfileSetId">The published profile set.</param>
/// <param name="Space">Built once with <see cref="ProfileSpace.Create"/>; immutable and thread-safe.</param>
/// <param name="PublishedAt">When the set was published.</param>
/// <param name="Households">
/// How many (pseudonymised) households the clustering was made from, as published: rounded by
/// <see cref="PublishedFigures.Count"/> (a published set always has at least the minimum). Never the exact
/// number: that would show, against an earlier publication, exactly how many households were added.
/// </param>
/// <param name="Seed">The clustering's seed (same data + same seed = same profiles).</param>
/// <param name="Disclosure">The disclosure rules the published set passed.</param>
/// <param name="Purpose">The dataset's declared purpose, in plain language; null when not declared.</param>
/// <param name="Outflow">Per profile id, the published median time to outflow; null when the set has no published outflow.</param>
public sealed record PublishedProfileSetModel(
    Guid ProfileSetId,
    ProfileSpace Space,
    DateTimeOffset PublishedAt,
    int Households,
    long Seed,
    DisclosureRules Disclosure,
    string? Purpose,
    IReadOnlyDictionary<Guid, Domain.Reporting.OutflowFact>? Outflow = null)
{
    /// <summary>The clustering method, as named in the register entry.</summary>
    public const string Method = "k-prototypes (Huang)";

    /// <summary>The number of profiles (clusters).</summary>
    public int K => Space.Profiles.Count;
}
