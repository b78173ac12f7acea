namespace Datawijs.Api.Features.ProfileSets.Views;

public sealed class DisclosureView
{
    public bool Publishable { get; init; }

    /// <summary>Profiles too small to publish (they block the whole set).</summary>
    public IReadOnlyList<Guid> BlockingProfiles { get; init; } = [];

    public IReadOnlyList<SuppressionView> Suppressions { get; init; } = [];

    public int ShownCounts { get; init; }
}
