using System.Globalization;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Domain.Datasets;

/// <summary>Checks a reference population and compares published profiles with it.</summary>
public static class ReferencePopulations
{
    /// <summary>The earliest year a reference population may describe.</summary>
    public const int EarliestYear = 1990;

    /// <summary>
    /// Every problem of <paramref name="reference"/> for a dataset with <paramref name="features"/> and
    /// <paramref name="recordCount"/> records, in the year <paramref name="currentYear"/>; empty when it is valid.
    /// </summary>
    public static IReadOnlyList<ReferenceProblem> Validate(
        ReferencePopulation reference, IReadOnlyList<FeatureDefinition> features, long recordCount, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(features);
        var problems = new List<ReferenceProblem>();
        void Add(string field, string code, string reason) => problems.Add(new ReferenceProblem(field, code, reason));

        if (reference.Year < EarliestYear || reference.Year > currentYear)
        {
            Add("year", "reference-year-out-of-range", Invariant($"The year must lie from {EarliestYear} to {currentYear}."));
        }

        if (reference.Households <= 0)
        {
            Add("households", "reference-households-not-positive", "The number of households must be more than 0.");
        }
        else if (reference.Households < recordCount)
        {
            Add("households", "reference-households-too-few",
                Invariant($"All households ({reference.Households}) cannot be fewer than the dataset's {recordCount} records."));
        }

        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, counts) in reference.Categorical)
        {
            var field = "categorical." + name;
            if (!Usable(byName, name, FeatureType.Categorical, field, Add, out var feature))
            {
                continue;
            }

            var declared = feature.Values ?? [];
            foreach (var value in declared.Where(v => !counts.ContainsKey(v)))
            {
                Add(field + "." + value, "reference-value-missing", $"Give a count for the declared value '{value}' (0 when there are none).");
            }

            foreach (var value in counts.Keys.Where(v => !declared.Contains(v, StringComparer.Ordinal)))
            {
                Add(field + "." + value, "reference-value-unknown", $"'{value}' is not a declared value of '{name}'.");
            }

            foreach (var (value, count) in counts.Where(c => c.Value < 0))
            {
                Add(field + "." + value, "reference-count-negative", "A count cannot be negative.");
            }

            AddTotalProblem(field, counts.Values.Where(c => c > 0).Sum(c => (long)c), reference.Households, Add);
        }

        foreach (var (name, bands) in reference.Numeric)
        {
            var field = "numeric." + name;
            if (!Usable(byName, name, FeatureType.Numeric, field, Add, out var feature))
            {
                continue;
            }

            if (bands.Count == 0)
            {
                Add(field, "reference-bands-empty", "Give at least one band.");
                continue;
            }

            for (var i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                var at = Invariant($"{field}[{i}]");
                if (!double.IsFinite(band.Min) || !double.IsFinite(band.Max) || band.Min >= band.Max)
                {
                    Add(at + ".max", "reference-band-empty", "A band's max must be more than its min.");
                }

                if (band.Households < 0)
                {
                    Add(at + ".households", "reference-count-negative", "A count cannot be negative.");
                }

                if (i > 0 && band.Min != bands[i - 1].Max)
                {
                    Add(at + ".min", band.Min < bands[i - 1].Max ? "reference-bands-overlap" : "reference-bands-gap",
                        "Bands must follow each other in order: each min equals the max before it.");
                }
            }

            if (feature.Min is { } min && bands[0].Min > min)
            {
                Add(field + "[0].min", "reference-bands-range", Invariant($"The bands must cover the declared range: the first min is at most {min}."));
            }

            if (feature.Max is { } max && bands[^1].Max < max)
            {
                Add(Invariant($"{field}[{bands.Count - 1}].max"), "reference-bands-range", Invariant($"The bands must cover the declared range: the last max is at least {max}."));
            }

            AddTotalProblem(field, bands.Where(b => b.Households > 0).Sum(b => (long)b.Households), reference.Households, Add);
        }

        return problems;
    }

    /// <summary>
    /// The values of a published profile that are more frequent than among all residents, strongest first, by the
    /// same rule as "more frequent than in the rest of the file" (<see cref="PublishedFigures.RelativelyMoreFrequent"/>
    /// and <see cref="PublishedFigures.Lift"/>): from the profile's published (rounded, unsuppressed) counts only, so
    /// a highlight says no more than the profile's published figures, and it states a lift, never a count.
    /// </summary>
    public static IReadOnlyList<PublishedHighlight> MoreFrequentThanAmongResidents(PublishedProfile profile, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reference);
        var highlights = new List<PublishedHighlight>();
        foreach (var distribution in profile.Categorical)
        {
            if (!reference.Categorical.TryGetValue(distribution.Feature, out var residents))
            {
                continue;
            }

            foreach (var cell in distribution.Cells)
            {
                if (cell is { Suppressed: false, Value: { } value, Households: { } count }
                    && residents.TryGetValue(value, out var residentCount)
                    && PublishedFigures.RelativelyMoreFrequent(count, profile.Households, residentCount, reference.Households))
                {
                    highlights.Add(new PublishedHighlight(distribution.Feature, value, PublishedFigures.Lift(count, profile.Households, residentCount, reference.Households)));
                }
            }
        }

        // Strongest first; the sort is stable, so equal lifts keep feature order.
        return highlights.OrderByDescending(h => h.Lift).ToList();
    }

    /// <summary>The clients' share of all households in percent (one decimal): records divided by households.</summary>
    public static double ClientSharePercent(long records, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Households > 0 ? Math.Round(100.0 * records / reference.Households, 1, MidpointRounding.AwayFromZero) : 0;
    }

    private static bool Usable(
        Dictionary<string, FeatureDefinition> byName, string name, FeatureType type, string field, Action<string, string, string> add, out FeatureDefinition feature)
    {
        if (!byName.TryGetValue(name, out feature!))
        {
            add(field, "reference-feature-unknown", $"'{name}' is not a declared feature of the dataset.");
            return false;
        }

        // Protected and outcome features are never compared with residents: only what describes a profile.
        if (feature.Role is not (FeatureRole.Clustering or FeatureRole.Descriptive))
        {
            add(field, "reference-feature-not-allowed", $"'{name}' has role {feature.Role.ToString().ToLowerInvariant()}; only clustering and descriptive features can be given.");
            return false;
        }

        if (feature.Type != type)
        {
            add(field, "reference-feature-type",
                type == FeatureType.Categorical
                    ? $"'{name}' is numeric: give a list of bands, not counts per value."
                    : $"'{name}' is categorical: give counts per value, not bands.");
            return false;
        }

        return true;
    }

    private static void AddTotalProblem(string field, long total, int households, Action<string, string, string> add)
    {
        if (total > households)
        {
            add(field, "reference-total-too-large", Invariant($"The counts add up to {total}, more than all {households} households."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
