namespace Datawijs.Domain.Disclosure;

/// <summary>The gate's verdict: publishable or not, and every suppression with its reason.</summary>
public sealed record DisclosureReport(bool Publishable, IReadOnlyList<int> BlockingProfiles, IReadOnlyList<Suppression> Suppressions, int ShownCounts);
