namespace Datawijs.Domain.Maturity;

/// <summary>
/// The distribution of one category among the peers; <see cref="Quartiles"/> and
/// <see cref="OrganisationCount"/> are null when withheld, so a withheld category tells nobody how many it had.
/// <see cref="TierMedians"/> gives the median of the category in each tier (Volgers, Middenmoters, Voorlopers),
/// each withheld on its own; empty when the category is withheld.
/// </summary>
public sealed record CategoryBenchmark(string CategoryId, int? OrganisationCount, Quartiles? Quartiles, IReadOnlyList<TierMedian>? TierMedians = null)
{
    // Two benchmarks of a category are the same when their figures are, tier medians included.
    public bool Equals(CategoryBenchmark? other) =>
        other is not null && CategoryId == other.CategoryId && OrganisationCount == other.OrganisationCount && Quartiles == other.Quartiles
        && (TierMedians ?? []).SequenceEqual(other.TierMedians ?? []);

    public override int GetHashCode() => HashCode.Combine(CategoryId, OrganisationCount, Quartiles);

    public bool Withheld => Quartiles is null;

    public double? PeerMedian => Quartiles?.Median;
}
