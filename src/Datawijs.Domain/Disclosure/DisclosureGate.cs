using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The only way from exact profile descriptions to something publishable.
/// <list type="number">
/// <item>A profile with fewer than MinimumCount households blocks publication of the whole set.</item>
/// <item>Primary suppression, per count of a categorical value in a profile or in the whole dataset:
/// 0 → extremeShare; 1..MinimumCount−1 → belowThreshold; equal to its denominator (100 %) or shown as
/// 0 % / 100 % after rounding → extremeShare; denominator below the minimum → denominatorBelowThreshold.</item>
/// <item>Secondary suppression, to a fixed point, over every linear relation a reader knows: a profile's
/// cells add up to its (published) size, and the profiles' cells of a value add up to the dataset's count
/// of that value. Where the total is shown, the hidden cells must be none, or at least two that together
/// hold at least MinimumCount households; otherwise the smallest shown cell (ties: the first) is suppressed
/// (secondary). Where the total itself is hidden, at least one member must be hidden too. Relations are
/// checked on exact counts, as if they were published exactly; rounding to 5 protects further.</item>
/// <item>Every figure that is shown goes through <see cref="PublishedFigures"/>: counts rounded to the rounding
/// base; shares (whole percent), lifts (1 decimal) and the "relatively more frequent" test computed from the
/// rounded counts only, so no shown figure narrows a rounded count.</item>
/// <item>Highlights ("relatively more frequent") are only given for a cell whose count, and whose value's
/// population count, are shown. A highlight on a suppressed cell would say that it holds at least the minimum,
/// and with the row's total bound its other hidden cells (possibly below the minimum).</item>
/// <item>Numerics only as medians rounded by <see cref="DisclosureRules.RoundMedian"/>, and only over at
/// least MinimumCount values; minima and maxima do not exist in the view model.</item>
/// </list>
/// </summary>
public static class DisclosureGate
{
    /// <summary>What would be withheld and whether the set could be published.</summary>
    public static DisclosureReport Check(ProfileSetDescription profileSet, DisclosureRules? rules = null) =>
        Plan.Create(profileSet, rules ?? DisclosureRules.Default).Report;

    /// <summary>The report and, only when publishable, the view model with every rule applied.</summary>
    public static DisclosureOutcome Apply(ProfileSetDescription profileSet, DisclosureRules? rules = null)
    {
        var plan = Plan.Create(profileSet, rules ?? DisclosureRules.Default);
        return new DisclosureOutcome(plan.Report, plan.Report.Publishable ? plan.Build() : null);
    }

    /// <summary>A categorical feature as a table: rows = profiles, then the population; columns = cells.</summary>
    private sealed class Table
    {
        public required string Feature { get; init; }

        public required FeatureRole Role { get; init; }

        public required string?[] Values { get; init; }

        public required int[][] Counts { get; init; }

        public required int[] RowTotals { get; init; }

        public required SuppressionReason?[][] Hidden { get; init; }

        public int Profiles => Counts.Length - 1;

        public int PopulationRow => Counts.Length - 1;
    }

    private sealed class Plan
    {
        private readonly ProfileSetDescription set;
        private readonly DisclosureRules rules;
        private readonly List<Table> tables = [];
        private readonly List<Suppression> suppressions = [];

        private Plan(ProfileSetDescription set, DisclosureRules rules)
        {
            this.set = set;
            this.rules = rules;
        }

        public DisclosureReport Report { get; private set; } = null!;

        public static Plan Create(ProfileSetDescription set, DisclosureRules rules)
        {
            ArgumentNullException.ThrowIfNull(set);
            ArgumentNullException.ThrowIfNull(rules);
            var plan = new Plan(set, rules);
            plan.Run();
            return plan;
        }

        private void Run()
        {
            var min = rules.MinimumCount;
            var blocking = new List<int>();
            foreach (var p in set.Profiles)
            {
                if (p.Households < min)
                {
                    blocking.Add(p.Cluster);
                    suppressions.Add(new Suppression(p.Cluster, SuppressedItem.Profile, string.Empty, null, SuppressionReason.ProfileTooSmall));
                }
            }

            if (set.Profiles.Count > 0)
            {
                var first = set.Profiles[0];
                for (var d = 0; d < first.Categorical.Count; d++)
                {
                    tables.Add(BuildTable(p => p.Categorical[d]));
                }

                for (var d = 0; d < first.Protected.Count; d++)
                {
                    tables.Add(BuildTable(p => p.Protected[d]));
                }
            }

            var shown = 0;
            foreach (var table in tables)
            {
                SuppressPrimary(table);
                SuppressSecondary(table);
                for (var r = 0; r < table.Counts.Length; r++)
                {
                    for (var v = 0; v < table.Values.Length; v++)
                    {
                        if (table.Hidden[r][v] is { } reason)
                        {
                            suppressions.Add(new Suppression(r == table.PopulationRow ? null : r, SuppressedItem.Count, table.Feature, table.Values[v], reason));
                        }
                        else
                        {
                            shown++;
                        }
                    }
                }
            }

            foreach (var p in set.Profiles)
            {
                foreach (var n in p.Numeric.Concat(p.ProtectedNumeric))
                {
                    if (n.CountInProfile < min)
                    {
                        suppressions.Add(new Suppression(p.Cluster, SuppressedItem.Median, n.Feature, null, SuppressionReason.MedianBelowThreshold));
                    }
                }
            }

            if (set.Profiles.Count > 0)
            {
                foreach (var n in set.Profiles[0].Numeric.Concat(set.Profiles[0].ProtectedNumeric))
                {
                    if (n.CountInPopulation < min)
                    {
                        suppressions.Add(new Suppression(null, SuppressedItem.Median, n.Feature, null, SuppressionReason.MedianBelowThreshold));
                    }
                }
            }

            Report = new DisclosureReport(blocking.Count == 0 && set.TotalHouseholds >= min, blocking, suppressions, shown);
        }

        private Table BuildTable(Func<ProfileDescription, CategoryDistribution> select)
        {
            var k = set.Profiles.Count;
            var template = select(set.Profiles[0]);
            var width = template.Cells.Count;
            var counts = new int[k + 1][];
            var hidden = new SuppressionReason?[k + 1][];
            var totals = new int[k + 1];
            for (var r = 0; r <= k; r++)
            {
                counts[r] = new int[width];
                hidden[r] = new SuppressionReason?[width];
            }

            for (var j = 0; j < k; j++)
            {
                var cells = select(set.Profiles[j]).Cells;
                totals[j] = set.Profiles[j].Households;
                for (var v = 0; v < width; v++)
                {
                    counts[j][v] = cells[v].CountInProfile;
                    counts[k][v] = cells[v].CountInPopulation;
                }
            }

            totals[k] = set.TotalHouseholds;
            return new Table
            {
                Feature = template.Feature,
                Role = template.Role,
                Values = [.. template.Cells.Select(c => c.Value)],
                Counts = counts,
                RowTotals = totals,
                Hidden = hidden,
            };
        }

        private void SuppressPrimary(Table t)
        {
            var min = rules.MinimumCount;
            for (var r = 0; r < t.Counts.Length; r++)
            {
                var total = t.RowTotals[r];
                for (var v = 0; v < t.Values.Length; v++)
                {
                    var c = t.Counts[r][v];
                    SuppressionReason? reason = null;
                    if (total < min)
                    {
                        reason = SuppressionReason.DenominatorBelowThreshold;
                    }
                    else if (c == 0)
                    {
                        reason = SuppressionReason.ExtremeShare;
                    }
                    else if (c < min)
                    {
                        reason = SuppressionReason.BelowThreshold;
                    }
                    else if (c >= total || rules.SharePercent(c, total) is <= 0 or >= 100)
                    {
                        reason = SuppressionReason.ExtremeShare;
                    }

                    t.Hidden[r][v] = reason;
                }
            }
        }

        private void SuppressSecondary(Table t)
        {
            var min = rules.MinimumCount;
            var rows = t.Counts.Length;
            var width = t.Values.Length;
            var members = new List<(int Row, int Column)>(Math.Max(rows, width));
            bool changed;
            do
            {
                changed = false;

                // A profile's (or the population's) cells add up to its published size.
                for (var r = 0; r < rows; r++)
                {
                    members.Clear();
                    for (var v = 0; v < width; v++)
                    {
                        members.Add((r, v));
                    }

                    changed |= Protect(t, members, totalHidden: false, min);
                }

                // The profiles' cells of one value add up to the population's count of that value.
                for (var v = 0; v < width; v++)
                {
                    members.Clear();
                    for (var r = 0; r < t.Profiles; r++)
                    {
                        members.Add((r, v));
                    }

                    changed |= Protect(t, members, totalHidden: t.Hidden[t.PopulationRow][v] is not null, min);
                }
            }
            while (changed);
        }

        /// <summary>Suppresses one more member if the hidden ones could be derived (or bounded below the minimum).</summary>
        private static bool Protect(Table t, List<(int Row, int Column)> members, bool totalHidden, int min)
        {
            var hiddenCount = 0;
            var hiddenSum = 0L;
            (int Row, int Column)? smallestShown = null;
            foreach (var (r, v) in members)
            {
                if (t.Hidden[r][v] is not null)
                {
                    hiddenCount++;
                    hiddenSum += t.Counts[r][v];
                }
                else if (smallestShown is null || t.Counts[r][v] < t.Counts[smallestShown.Value.Row][smallestShown.Value.Column])
                {
                    smallestShown = (r, v);
                }
            }

            var safe = totalHidden
                ? hiddenCount >= 1
                : hiddenCount == 0 || (hiddenCount >= 2 && hiddenSum >= min);
            if (safe || smallestShown is not { } next)
            {
                return false;
            }

            t.Hidden[next.Row][next.Column] = SuppressionReason.Secondary;
            return true;
        }

        public PublishedProfileSet Build()
        {
            var k = set.Profiles.Count;
            var profiles = new PublishedProfile[k];
            for (var j = 0; j < k; j++)
            {
                var p = set.Profiles[j];
                var categorical = new List<PublishedDistribution>();
                var protectedDistributions = new List<PublishedDistribution>();
                var highlights = new List<PublishedHighlight>();
                foreach (var t in tables)
                {
                    var distribution = Distribution(t, j);
                    (t.Role == FeatureRole.Protected ? protectedDistributions : categorical).Add(distribution);
                    if (t.Role == FeatureRole.Protected)
                    {
                        continue;
                    }

                    // Only shown cells can be marked (see PublishedFigures.RelativelyMoreFrequent).
                    foreach (var cell in distribution.Cells)
                    {
                        if (cell.RelativelyMoreFrequent == true && cell.Value is { } value)
                        {
                            highlights.Add(new PublishedHighlight(t.Feature, value, cell.Lift));
                        }
                    }
                }

                profiles[j] = new PublishedProfile(
                    p.Cluster,
                    Shown(p.Households),
                    categorical,
                    [.. p.Numeric.Select(n => Median(n, n.CountInProfile, n.MedianInProfile))],
                    protectedDistributions,
                    [.. p.ProtectedNumeric.Select(n => Median(n, n.CountInProfile, n.MedianInProfile))],
                    [.. highlights.OrderByDescending(h => h.Lift)]);
            }

            var population = tables.Select(t => Distribution(t, t.PopulationRow)).ToArray();
            var populationMedians = k == 0
                ? []
                : set.Profiles[0].Numeric.Concat(set.Profiles[0].ProtectedNumeric)
                    .Select(n => new PublishedMedian(n.Feature, n.Role, ShownMedian(n.Feature, n.CountInPopulation, n.MedianInPopulation), null))
                    .ToArray();
            return new PublishedProfileSet(Shown(set.TotalHouseholds), population, populationMedians, profiles, rules);
        }

        private PublishedDistribution Distribution(Table t, int row)
        {
            var isPopulation = row == t.PopulationRow;
            var cells = new PublishedCell[t.Values.Length];
            for (var v = 0; v < t.Values.Length; v++)
            {
                if (t.Hidden[row][v] is not null)
                {
                    cells[v] = new PublishedCell(t.Values[v], true, null, null, null, null, null);
                    continue;
                }

                var count = Shown(t.Counts[row][v]);
                var total = Shown(t.RowTotals[row]);
                var populationCount = t.Hidden[t.PopulationRow][v] is null ? Shown(t.Counts[t.PopulationRow][v]) : (int?)null;
                var populationTotal = Shown(t.RowTotals[t.PopulationRow]);
                cells[v] = new PublishedCell(
                    t.Values[v],
                    false,
                    count,
                    PublishedFigures.SharePercent(count, total),
                    isPopulation ? null : PublishedFigures.SharePercent(populationCount, populationTotal),
                    isPopulation ? null : PublishedFigures.Lift(count, total, populationCount, populationTotal),
                    isPopulation ? null : PublishedFigures.RelativelyMoreFrequent(count, total, populationCount, populationTotal));
            }

            return new PublishedDistribution(t.Feature, t.Role, cells);
        }

        private PublishedMedian Median(NumericSummary n, int count, double median) =>
            new(n.Feature, n.Role, ShownMedian(n.Feature, count, median), ShownMedian(n.Feature, n.CountInPopulation, n.MedianInPopulation));

        private double? ShownMedian(string feature, int count, double median) => PublishedFigures.Median(feature, count, median, rules);

        // Only reached for figures the plan shows: every one of them is at least the minimum.
        private int Shown(int count) =>
            PublishedFigures.Count(count, rules) ?? throw new InvalidOperationException("A count below the minimum was about to be shown.");
    }
}
