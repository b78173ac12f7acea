using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// Explains which published profile fits a subject best, as advice for a person. Pure: the same
/// space, features and options always give the same explanation.
/// </summary>
/// <remarks>
/// <para><b>Distance.</b> Every distance is computed as the sum of its per-feature terms, added
/// largest first. The contributions are listed in that same order, so they add up to the reported
/// distance exactly, and every profile's distance is computed the same way.</para>
/// <para><b>Ties.</b> Profiles with exactly equal distances are ordered as they were published
/// (<see cref="ProfileSpace.Profiles"/>); the first one is the advice. Such a tie has margin 0 and is
/// always flagged uncertain, whatever the thresholds. Equal contributions are listed in feature
/// declaration order.</para>
/// <para><b>Counterfactual, targets.</b> Searched for the nearest other profiles in distance order
/// (runner-up first), up to <see cref="ExplanationOptions.MaxCounterfactuals"/>; a target for which no
/// verified change exists is left out.</para>
/// <para><b>Counterfactual, "smallest".</b> For a target profile: the change in mutable clustering
/// features that makes the target strictly nearest, with (1) the fewest changed features, then
/// (2) the smallest size of change measured in the model's own metric (Σ squared standardised
/// numeric change + gamma per switched category), then (3) the first set of features in
/// declaration order. Protected, descriptive and immutable features are never changed.</para>
/// <para><b>Counterfactual, search.</b> Feature sets are tried by increasing size (at most
/// <see cref="ExplanationOptions.MaxChangedFeatures"/>). Within a set, a categorical feature
/// switches to the target's mode (provably the best switch for every rival at once) and the
/// numeric features move together in a straight line from the subject's values toward the
/// target's centre values, never past them and never outside the declared min/max. Along that line
/// every rival's distance minus the target's distance is linear, so the smallest fraction that makes
/// the target nearest has a closed form; this is exact for the family of changes searched.</para>
/// <para><b>Rounding.</b> A suggested number is rounded to the feature's human step
/// (<see cref="NumericScale.Step"/>) away from the subject's value, i.e. toward the target, so the
/// rounded change is never smaller than the exact one (it may pass the target's centre by less than
/// one step), and is kept within min/max. The rounded change is then verified by a full
/// re-assignment; if it fails, one more step is tried, then the middle of the feasible range;
/// otherwise the feature set is rejected. No counterfactual is returned for a target when none is
/// verified.</para>
/// <para><b>No unneeded changes.</b> Because rounding moves features by slightly different fractions,
/// the rounded value of one feature can make another change unnecessary; such changes are dropped
/// and the rest re-verified, so every change in a counterfactual is needed for the flip.</para>
/// </remarks>
public static class Explainer
{
    // Above this many values scratch space goes to the heap instead of the stack.
    private const int StackLimit = 512;

    /// <summary>
    /// Assigns the subject to the nearest profile of <paramref name="space"/>, as advice, and explains it.
    /// </summary>
    /// <param name="space">The published profile set, built once with <see cref="ProfileSpace.Create"/>.</param>
    /// <param name="subjectFeatures">
    /// The subject's features by name: every clustering feature is required; descriptive features
    /// may be sent and are ignored; protected and undeclared features are problems.
    /// </param>
    /// <param name="options">Thresholds and limits; <see cref="ExplanationOptions.Default"/> when null.</param>
    /// <returns>
    /// An explanation, or, when the features cannot be used, every problem at once (never throws
    /// for bad subject data).
    /// </returns>
    public static ExplanationResult Explain(
        ProfileSpace space,
        IReadOnlyDictionary<string, FeatureValue> subjectFeatures,
        ExplanationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(subjectFeatures);
        options ??= ExplanationOptions.Default;
        options.Validate();

        var problems = Validate(space, subjectFeatures);
        if (problems is not null)
        {
            return new ExplanationResult(null, problems);
        }

        var d = space.DistanceFeatureCount;
        var p = space.Profiles.Count;
        Span<double> z = d <= StackLimit ? stackalloc double[d] : new double[d];
        Span<double> raw = d <= StackLimit ? stackalloc double[d] : new double[d];
        var cats = new string?[d];
        for (var k = 0; k < d; k++)
        {
            var value = subjectFeatures[space.Features[space.DistanceFeatureOf[k]].Name];
            if (space.IsNumeric[k])
            {
                raw[k] = value.Number.GetValueOrDefault();
                z[k] = (value.Number.GetValueOrDefault() - space.Mean[k]) / space.Sd[k];
            }
            else
            {
                cats[k] = value.Category;
            }
        }

        Span<double> scratch = d <= StackLimit ? stackalloc double[d] : new double[d];
        Span<double> distances = p <= StackLimit ? stackalloc double[p] : new double[p];
        for (var j = 0; j < p; j++)
        {
            distances[j] = Distance(space, z, cats, j, scratch);
        }

        Span<int> order = p <= StackLimit ? stackalloc int[p] : new int[p];
        OrderByDistance(distances, order);
        var nearest = order[0];
        var runnerUp = order[1];

        var margin = distances[runnerUp] - distances[nearest];
        var relativeMargin = distances[runnerUp] > 0 ? margin / distances[runnerUp] : 0;
        var uncertain = margin == 0
                        || relativeMargin < options.UncertainBelowRelativeMargin
                        || margin < options.UncertainBelowAbsoluteMargin;

        var distanceList = new ProfileDistance[p];
        for (var i = 0; i < p; i++)
        {
            distanceList[i] = new ProfileDistance(space.Profiles[order[i]].Id, distances[order[i]]);
        }

        var contributions = Contributions(space, z, raw, cats, nearest, runnerUp);

        var wanted = Math.Min(options.MaxCounterfactuals, p - 1);
        var counterfactuals = new List<Counterfactual>(wanted);
        var work = wanted > 0 ? new Workspace(d, options.MaxChangedFeatures) : null;
        for (var i = 1; i <= wanted; i++)
        {
            var found = FindCounterfactual(space, z, raw, cats, distances, order[i], work!);
            if (found is not null)
            {
                counterfactuals.Add(found);
            }
        }

        return new ExplanationResult(
            new Explanation(
                space.Profiles[nearest].Id,
                distances[nearest],
                distanceList,
                space.Profiles[runnerUp].Id,
                margin,
                relativeMargin,
                uncertain,
                contributions,
                counterfactuals),
            []);
    }

    private static List<FeatureProblem>? Validate(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> subject)
    {
        List<FeatureProblem>? problems = null;
        var known = 0;
        var features = space.Features;
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            if (!subject.TryGetValue(f.Name, out var value))
            {
                if (f.InDistance)
                {
                    Add(ref problems, f.Name, FeatureProblemCodes.Missing, "This feature is required to assign a profile.");
                }

                continue;
            }

            known++;
            if (f.Role == FeatureRole.Protected)
            {
                Add(ref problems, f.Name, FeatureProblemCodes.Protected, "A protected feature never takes part in an assignment; do not send it.");
                continue;
            }

            if (f.Type == FeatureType.Numeric)
            {
                if (!value.IsNumeric)
                {
                    Add(ref problems, f.Name, FeatureProblemCodes.WrongType, "Expected a number.");
                }
                else if (!double.IsFinite(value.Number.GetValueOrDefault()))
                {
                    Add(ref problems, f.Name, FeatureProblemCodes.NotANumber, "Expected a finite number.");
                }
                else if (value.Number.GetValueOrDefault() < (f.Min ?? double.NegativeInfinity) || value.Number.GetValueOrDefault() > (f.Max ?? double.PositiveInfinity))
                {
                    Add(ref problems, f.Name, FeatureProblemCodes.OutOfRange, $"Expected a number from {f.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"} to {f.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "inf"}.");
                }
                else if (!f.Accepts(value.Number.GetValueOrDefault()))
                {
                    Add(ref problems, f.Name, FeatureProblemCodes.NotAWholeNumber, "Expected a whole number, such as 0, 1 or 2: this feature counts.");
                }
            }
            else if (value.IsNumeric)
            {
                Add(ref problems, f.Name, FeatureProblemCodes.WrongType, "Expected one of the declared values, as text.");
            }
            else if (space.Allowed[i] is { } allowed && !allowed.Contains(value.Category!))
            {
                Add(ref problems, f.Name, FeatureProblemCodes.NotAllowed, "Expected one of: " + string.Join(", ", f.Values!) + ".");
            }
        }

        if (subject.Count > known)
        {
            var unknown = new List<string>();
            foreach (var name in subject.Keys)
            {
                if (!space.TryGetFeature(name, out _))
                {
                    unknown.Add(name);
                }
            }

            // Sorted so that the same request always lists its problems in the same order.
            unknown.Sort(StringComparer.Ordinal);
            // The reason names the features that may be sent, so a caller can correct a misspelt name without a second look-up.
            var declared = string.Join(", ", features.Where(f => f.Role != FeatureRole.Protected).Select(f => f.Name));
            foreach (var name in unknown)
            {
                Add(ref problems, name, FeatureProblemCodes.Unknown, $"This profile set does not declare this feature. Declared: {declared}.");
            }
        }

        return problems;
    }

    private static void Add(ref List<FeatureProblem>? problems, string name, string code, string reason)
    {
        problems ??= [];
        problems.Add(new FeatureProblem(name, code, reason));
    }

    private static double Term(ProfileSpace space, ReadOnlySpan<double> z, string?[] cats, int offset, int k)
    {
        if (space.IsNumeric[k])
        {
            var diff = z[k] - space.StdCentroid[offset + k];
            return diff * diff;
        }

        return string.Equals(cats[k], space.Mode[offset + k], StringComparison.Ordinal) ? 0 : space.Gamma;
    }

    /// <summary>Σ of the terms, added largest first: the one summation order used everywhere.</summary>
    private static double Distance(ProfileSpace space, ReadOnlySpan<double> z, string?[] cats, int profile, Span<double> scratch)
    {
        var d = space.DistanceFeatureCount;
        var offset = profile * d;
        for (var k = 0; k < d; k++)
        {
            // Insertion into a descending run; d is small.
            var term = Term(space, z, cats, offset, k);
            var i = k - 1;
            while (i >= 0 && scratch[i] < term)
            {
                scratch[i + 1] = scratch[i];
                i--;
            }

            scratch[i + 1] = term;
        }

        var sum = 0.0;
        for (var k = 0; k < d; k++)
        {
            sum += scratch[k];
        }

        return sum;
    }

    /// <summary>Profile indices by ascending distance; equal distances keep published order.</summary>
    private static void OrderByDistance(ReadOnlySpan<double> distances, Span<int> order)
    {
        for (var j = 0; j < distances.Length; j++)
        {
            var i = j - 1;
            while (i >= 0 && distances[order[i]] > distances[j])
            {
                order[i + 1] = order[i];
                i--;
            }

            order[i + 1] = j;
        }
    }

    private static Contribution[] Contributions(
        ProfileSpace space, ReadOnlySpan<double> z, ReadOnlySpan<double> raw, string?[] cats, int nearest, int runnerUp)
    {
        var d = space.DistanceFeatureCount;
        Span<double> terms = d <= StackLimit ? stackalloc double[d] : new double[d];
        Span<int> byTerm = d <= StackLimit ? stackalloc int[d] : new int[d];
        for (var k = 0; k < d; k++)
        {
            terms[k] = Term(space, z, cats, nearest * d, k);
            var i = k - 1;
            while (i >= 0 && terms[byTerm[i]] < terms[k])
            {
                byTerm[i + 1] = byTerm[i];
                i--;
            }

            byTerm[i + 1] = k;
        }

        var result = new Contribution[d];
        for (var i = 0; i < d; i++)
        {
            var k = byTerm[i];
            var feature = space.Features[space.DistanceFeatureOf[k]];
            var numeric = space.IsNumeric[k];
            result[i] = new Contribution(
                feature.Name,
                feature.Type,
                terms[k],
                numeric ? FeatureValue.FromNumber(raw[k]) : FeatureValue.FromCategory(cats[k]!),
                numeric
                    ? FeatureValue.FromNumber(space.RawCentroid[(nearest * d) + k])
                    : FeatureValue.FromCategory(space.Mode[(nearest * d) + k]!),
                Term(space, z, cats, runnerUp * d, k));
        }

        return result;
    }

    private static Counterfactual? FindCounterfactual(
        ProfileSpace space,
        ReadOnlySpan<double> z,
        ReadOnlySpan<double> raw,
        string?[] cats,
        ReadOnlySpan<double> distances,
        int target,
        Workspace work)
    {
        var d = space.DistanceFeatureCount;
        var p = space.Profiles.Count;
        var t = target * d;

        // Features worth changing: mutable, in the distance, different from the target, and
        // movable toward the target within the declared range.
        Span<int> eligible = d <= StackLimit ? stackalloc int[d] : new int[d];
        Span<double> reach = d <= StackLimit ? stackalloc double[d] : new double[d];
        var m = 0;
        for (var k = 0; k < d; k++)
        {
            if (!space.Mutable[k])
            {
                continue;
            }

            if (space.IsNumeric[k])
            {
                var x = raw[k];
                var c = space.RawCentroid[t + k];
                if (c == x)
                {
                    continue;
                }

                var fraction = 1.0;
                if (c > space.Max[k])
                {
                    fraction = (space.Max[k] - x) / (c - x);
                }
                else if (c < space.Min[k])
                {
                    fraction = (space.Min[k] - x) / (c - x);
                }

                if (!(fraction > 0))
                {
                    continue;
                }

                reach[m] = fraction;
            }
            else
            {
                var mode = space.Mode[t + k]!;
                if (string.Equals(cats[k], mode, StringComparison.Ordinal)
                    || (space.Allowed[space.DistanceFeatureOf[k]] is { } allowed && !allowed.Contains(mode)))
                {
                    continue;
                }

                reach[m] = 1;
            }

            eligible[m++] = k;
        }

        if (m == 0)
        {
            return null;
        }

        // gap[o] = distance to rival o minus distance to the target; the target wins when all > 0.
        // Changing feature e adds delta[e * p + o] to gap[o] (times the fraction for numerics:
        // along the line the gap is linear, slope 2 (cT - cO)(cT - z) in standardised units).
        Span<double> gap = p <= StackLimit ? stackalloc double[p] : new double[p];
        for (var o = 0; o < p; o++)
        {
            gap[o] = distances[o] - distances[target];
        }

        Span<double> delta = m * p <= StackLimit ? stackalloc double[m * p] : new double[m * p];
        for (var e = 0; e < m; e++)
        {
            var k = eligible[e];
            for (var o = 0; o < p; o++)
            {
                var r = o * d;
                if (space.IsNumeric[k])
                {
                    var ct = space.StdCentroid[t + k];
                    delta[(e * p) + o] = 2 * (ct - space.StdCentroid[r + k]) * (ct - z[k]);
                }
                else
                {
                    var modeT = space.Mode[t + k];
                    var modeO = space.Mode[r + k];
                    var before = string.Equals(cats[k], modeO, StringComparison.Ordinal) ? 0 : 1;
                    var after = string.Equals(modeT, modeO, StringComparison.Ordinal) ? 0 : 1;
                    delta[(e * p) + o] = space.Gamma * (after - before + 1);
                }
            }
        }

        // Squared standardised distance from the subject to the target's centre, per numeric
        // feature: the size of moving all the way, so a fraction f costs f² times this.
        Span<double> fullMove = d <= StackLimit ? stackalloc double[d] : new double[d];
        for (var e = 0; e < m; e++)
        {
            var k = eligible[e];
            var move = space.IsNumeric[k] ? space.StdCentroid[t + k] - z[k] : 0;
            fullMove[e] = move * move;
        }

        var limit = Math.Min(m, work.BestFeatures.Length);
        Span<int> combination = stackalloc int[limit];
        Span<double> a = p <= StackLimit ? stackalloc double[p] : new double[p];
        Span<double> b = p <= StackLimit ? stackalloc double[p] : new double[p];
        work.Found = false;
        for (var size = 1; size <= limit && !work.Found; size++)
        {
            for (var i = 0; i < size; i++)
            {
                combination[i] = i;
            }

            var cs = combination[..size];
            while (true)
            {
                TryCombination(space, z, raw, cats, target, cs, eligible, reach, fullMove, gap, delta, a, b, work);

                // Next combination in lexicographic order.
                var j = size - 1;
                while (j >= 0 && cs[j] == m - size + j)
                {
                    j--;
                }

                if (j < 0)
                {
                    break;
                }

                cs[j]++;
                for (var l = j + 1; l < size; l++)
                {
                    cs[l] = cs[l - 1] + 1;
                }
            }
        }

        if (!work.Found)
        {
            return null;
        }

        DropUnneededChanges(space, z, cats, target, work);

        var changes = new FeatureChange[work.BestCount];
        for (var i = 0; i < work.BestCount; i++)
        {
            var k = work.BestFeatures[i];
            var name = space.Features[space.DistanceFeatureOf[k]].Name;
            changes[i] = space.IsNumeric[k]
                ? new FeatureChange(name, FeatureValue.FromNumber(raw[k]), FeatureValue.FromNumber(work.BestTo[i]))
                : new FeatureChange(name, FeatureValue.FromCategory(cats[k]!), FeatureValue.FromCategory(space.Mode[t + k]!));
        }

        return new Counterfactual(space.Profiles[target].Id, changes, work.BestSize, work.BestDistance, work.BestMargin);
    }

    /// <summary>
    /// Rounding moves the features of a set by slightly different fractions, so now and then the
    /// rounded change of one feature already does the work of another. Such a change is not needed
    /// and is dropped (first one found, in declaration order, until none can go), re-verifying each
    /// time, so that every change in a returned counterfactual is really needed.
    /// </summary>
    private static void DropUnneededChanges(ProfileSpace space, ReadOnlySpan<double> z, string?[] cats, int target, Workspace work)
    {
        var d = space.DistanceFeatureCount;
        var p = space.Profiles.Count;
        var t = target * d;
        var dropped = true;
        while (dropped && work.BestCount > 1)
        {
            dropped = false;
            for (var skip = 0; skip < work.BestCount && !dropped; skip++)
            {
                z.CopyTo(work.Z);
                Array.Copy(cats, work.Cats, d);
                var size = 0.0;
                for (var i = 0; i < work.BestCount; i++)
                {
                    if (i == skip)
                    {
                        continue;
                    }

                    var k = work.BestFeatures[i];
                    if (space.IsNumeric[k])
                    {
                        work.Z[k] = (work.BestTo[i] - space.Mean[k]) / space.Sd[k];
                        var change = work.Z[k] - z[k];
                        size += change * change;
                    }
                    else
                    {
                        work.Cats[k] = space.Mode[t + k];
                        size += space.Gamma;
                    }
                }

                var targetDistance = Distance(space, work.Z, work.Cats, target, work.Scratch);
                var nearestRival = double.PositiveInfinity;
                for (var o = 0; o < p && nearestRival > targetDistance; o++)
                {
                    if (o != target)
                    {
                        nearestRival = Math.Min(nearestRival, Distance(space, work.Z, work.Cats, o, work.Scratch));
                    }
                }

                if (!(targetDistance < nearestRival))
                {
                    continue;
                }

                for (var i = skip; i < work.BestCount - 1; i++)
                {
                    work.BestFeatures[i] = work.BestFeatures[i + 1];
                    work.BestTo[i] = work.BestTo[i + 1];
                }

                work.BestCount--;
                work.BestSize = size;
                work.BestDistance = targetDistance;
                work.BestMargin = nearestRival - targetDistance;
                dropped = true;
            }
        }
    }

    /// <summary>
    /// Buffers for the counterfactual search, made once per explanation and reused for every
    /// candidate so that trying a feature set allocates nothing.
    /// </summary>
    private sealed class Workspace(int d, int maxChanged)
    {
        public double[] Z { get; } = new double[d];
        public string?[] Cats { get; } = new string?[d];
        public double[] To { get; } = new double[d];
        public double[] Scratch { get; } = new double[d];

        public bool Found { get; set; }
        public int BestCount { get; set; }
        public int[] BestFeatures { get; } = new int[maxChanged];
        public double[] BestTo { get; } = new double[maxChanged];
        public double BestSize { get; set; }
        public double BestDistance { get; set; }
        public double BestMargin { get; set; }
    }

    private static void TryCombination(
        ProfileSpace space,
        ReadOnlySpan<double> z,
        ReadOnlySpan<double> raw,
        string?[] cats,
        int target,
        ReadOnlySpan<int> combination,
        ReadOnlySpan<int> eligible,
        ReadOnlySpan<double> reach,
        ReadOnlySpan<double> fullMove,
        ReadOnlySpan<double> gap,
        ReadOnlySpan<double> delta,
        Span<double> a,
        Span<double> b,
        Workspace work)
    {
        var p = space.Profiles.Count;
        var hi = 1.0;
        var hasNumeric = false;
        var switched = 0;
        var moved = 0.0;
        gap.CopyTo(a);
        b.Clear();
        foreach (var e in combination)
        {
            var numeric = space.IsNumeric[eligible[e]];
            if (numeric)
            {
                hasNumeric = true;
                hi = Math.Min(hi, reach[e]);
                moved += fullMove[e];
            }
            else
            {
                switched++;
            }

            var row = delta.Slice(e * p, p);
            var into = numeric ? b : a;
            for (var o = 0; o < p; o++)
            {
                into[o] += row[o];
            }
        }

        var lo = 0.0;
        for (var o = 0; o < p; o++)
        {
            if (o == target)
            {
                continue;
            }

            if (b[o] > 0)
            {
                lo = Math.Max(lo, -a[o] / b[o]);
            }
            else if (b[o] < 0)
            {
                hi = Math.Min(hi, -a[o] / b[o]);
            }
            else if (!(a[o] > 0))
            {
                return;
            }
        }

        if (hasNumeric && !(lo < hi))
        {
            return;
        }

        // Rounding only makes a change larger, so a set whose exact change is already no smaller
        // than the best one found cannot win (an equal one loses to the earlier set).
        if (work.Found && (lo * lo * moved) + (space.Gamma * switched) >= work.BestSize)
        {
            return;
        }

        if (!hasNumeric)
        {
            Verify(space, z, raw, cats, target, combination, eligible, 0, 0, work);
            return;
        }

        _ = Verify(space, z, raw, cats, target, combination, eligible, lo, 0, work)
            || Verify(space, z, raw, cats, target, combination, eligible, lo, 1, work)
            || Verify(space, z, raw, cats, target, combination, eligible, (lo + hi) / 2, 0, work);
    }

    /// <summary>
    /// Applies the change (numerics at fraction <paramref name="fraction"/> of the way to the
    /// target, rounded toward the target plus <paramref name="extraSteps"/>), re-assigns with the
    /// same distance as everywhere else, and records it as the best so far when the target is
    /// strictly nearest and the change is smaller than the best. Returns whether it was recorded.
    /// </summary>
    private static bool Verify(
        ProfileSpace space,
        ReadOnlySpan<double> z,
        ReadOnlySpan<double> raw,
        string?[] cats,
        int target,
        ReadOnlySpan<int> combination,
        ReadOnlySpan<int> eligible,
        double fraction,
        int extraSteps,
        Workspace work)
    {
        var d = space.DistanceFeatureCount;
        var p = space.Profiles.Count;
        var t = target * d;
        z.CopyTo(work.Z);
        Array.Copy(cats, work.Cats, d);
        var size = 0.0;
        foreach (var e in combination)
        {
            var k = eligible[e];
            if (space.IsNumeric[k])
            {
                var x = raw[k];
                var c = space.RawCentroid[t + k];
                var to = RoundToward(x + (fraction * (c - x)), space.Step[k], c > x, extraSteps);
                to = Math.Clamp(to, space.Min[k], space.Max[k]);
                if (to == x)
                {
                    return false;
                }

                work.To[k] = to;
                work.Z[k] = (to - space.Mean[k]) / space.Sd[k];
                var change = work.Z[k] - z[k];
                size += change * change;
            }
            else
            {
                work.Cats[k] = space.Mode[t + k];
                size += space.Gamma;
            }
        }

        // A change no smaller than the best one cannot replace it; skip the costly re-assignment.
        if (work.Found && size >= work.BestSize)
        {
            return false;
        }

        var targetDistance = Distance(space, work.Z, work.Cats, target, work.Scratch);
        var nearestRival = double.PositiveInfinity;
        for (var o = 0; o < p; o++)
        {
            if (o == target)
            {
                continue;
            }

            var distance = Distance(space, work.Z, work.Cats, o, work.Scratch);
            if (!(targetDistance < distance))
            {
                return false;
            }

            nearestRival = Math.Min(nearestRival, distance);
        }

        work.Found = true;
        work.BestCount = combination.Length;
        work.BestSize = size;
        work.BestDistance = targetDistance;
        work.BestMargin = nearestRival - targetDistance;
        for (var i = 0; i < combination.Length; i++)
        {
            var k = eligible[combination[i]];
            work.BestFeatures[i] = k;
            work.BestTo[i] = work.To[k];
        }

        return true;
    }

    /// <summary>Rounds to a multiple of the step, away from the subject's value, plus extra steps.</summary>
    internal static double RoundToward(double value, double step, bool up, int extraSteps)
    {
        var units = value / step;
        var nearest = Math.Round(units);

        // Values that are a whole number of steps up to floating-point noise stay where they are.
        var whole = Math.Abs(units - nearest) < 1e-9 ? nearest : (up ? Math.Ceiling(units) : Math.Floor(units));
        whole += up ? extraSteps : -extraSteps;
        return Math.Round(whole * step, DecimalsOf(step));
    }

    private static int DecimalsOf(double step)
    {
        var scaled = step;
        for (var decimals = 0; decimals < 12; decimals++)
        {
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-9 * Math.Max(1, scaled))
            {
                return decimals;
            }

            scaled *= 10;
        }

        return 12;
    }
}
