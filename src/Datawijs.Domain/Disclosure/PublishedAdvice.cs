using Datawijs.Domain.Explanations;
using ProfileInSpace = Datawijs.Domain.Explanations.PublishedProfile;

namespace Datawijs.Domain.Disclosure;

/// <summary>
/// The figures of an advice as they may be returned. The decisions of the <see cref="Explanation"/> (which
/// profile, the order of the profiles, the uncertain flag, the counterfactuals) are exact and kept as they
/// are; only the numbers change:
/// <list type="bullet">
/// <item>Terms, distances and margins are computed against the profiles' centres rounded as published medians
/// are (<see cref="PublishedFigures.Centre"/>), then given with two decimals. Rounding exact terms alone is not
/// enough: three probes far from a centre (where the term is large) recover it to a small fraction of the
/// published rounding. Against rounded centres, any number of probes of these figures yields at most the
/// rounded centre.</item>
/// <item>A numeric profile value is the profile's published (rounded) median, never its exact mean.</item>
/// </list>
/// The shown distances are listed in the exact ranking; near a tie they may differ from it by the rounding of
/// the centres, which is why the margin shown is never below 0 and the uncertain flag is the exact one.
/// </summary>
/// <param name="Distance">To the advised profile: the sum of the shown terms, two decimals.</param>
/// <param name="Distances">Per profile in the exact ranking, two decimals.</param>
/// <param name="Margin">Shown runner-up distance minus shown advised distance, at least 0, two decimals.</param>
/// <param name="RelativeMargin">Margin divided by the runner-up distance (0 when that is 0), two decimals.</param>
/// <param name="Contributions">Largest shown term first; equal terms in declaration order.</param>
/// <param name="ChangeSizes">Per counterfactual, the size of its change, two decimals (it depends only on the subject's values and the suggested ones).</param>
public sealed record PublishedAdvice(
    double Distance,
    IReadOnlyList<ProfileDistance> Distances,
    double Margin,
    double RelativeMargin,
    IReadOnlyList<PublishedContribution> Contributions,
    IReadOnlyList<double> ChangeSizes)
{
    /// <summary>The returnable figures of <paramref name="explanation"/>, which must come from <see cref="Explainer.Explain"/> on <paramref name="space"/>.</summary>
    public static PublishedAdvice Of(ProfileSpace space, Explanation explanation, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(explanation);
        rules ??= DisclosureRules.Default;
        var d = space.DistanceFeatureCount;
        var subject = new FeatureValue[d];
        foreach (var c in explanation.Contributions)
        {
            if (space.TryGetFeature(c.Feature, out var index))
            {
                subject[Array.IndexOf(space.DistanceFeatureOf, index)] = c.SubjectValue;
            }
        }

        // Each profile's distance against its rounded centres, its terms added largest first as the Explainer does.
        var centres = ReferenceEquals(rules, DisclosureRules.Default) ? DefaultCentres.GetValue(space, s => RoundedCentres(s, DisclosureRules.Default)) : RoundedCentres(space, rules);
        var shownTerms = new double[space.Profiles.Count][];
        var shownDistance = new double[space.Profiles.Count];
        var sorted = new double[d];
        for (var j = 0; j < space.Profiles.Count; j++)
        {
            var terms = new double[d];
            for (var k = 0; k < d; k++)
            {
                terms[k] = Term(space, centres, subject[k], j, k);
            }

            shownTerms[j] = terms;
            terms.CopyTo(sorted, 0);
            Array.Sort(sorted);
            var sum = 0.0;
            for (var k = d - 1; k >= 0; k--)
            {
                sum += sorted[k];
            }

            shownDistance[j] = sum;
        }

        var nearest = space.IndexOfProfile(explanation.ProfileId);
        var runnerUp = space.IndexOfProfile(explanation.RunnerUpProfileId);
        var margin = Math.Max(0, shownDistance[runnerUp] - shownDistance[nearest]);
        // Largest shown term first, ties in declaration order: the order of the exact terms would tell them apart.
        var contributions = explanation.Contributions
            .Select(c =>
            {
                space.TryGetFeature(c.Feature, out var index);
                var k = Array.IndexOf(space.DistanceFeatureOf, index);
                return (Order: k, Contribution: new PublishedContribution(
                    c.Feature,
                    c.Type,
                    PublishedFigures.AdviceFigure(shownTerms[nearest][k]),
                    c.SubjectValue,
                    ProfileValue(space.Profiles[nearest], c.Feature, c.ProfileValue, rules),
                    PublishedFigures.AdviceFigure(shownTerms[runnerUp][k])));
            })
            .OrderByDescending(x => x.Contribution.Term)
            .ThenBy(x => x.Order)
            .Select(x => x.Contribution)
            .ToList();

        return new PublishedAdvice(
            PublishedFigures.AdviceFigure(shownDistance[nearest]),
            [.. explanation.Distances.Select(x => new ProfileDistance(x.ProfileId, PublishedFigures.AdviceFigure(shownDistance[space.IndexOfProfile(x.ProfileId)])))],
            PublishedFigures.AdviceFigure(margin),
            PublishedFigures.AdviceFigure(shownDistance[runnerUp] > 0 ? margin / shownDistance[runnerUp] : 0),
            contributions,
            [.. explanation.Counterfactuals.Select(c => PublishedFigures.AdviceFigure(c.ChangeSize))]);
    }

    /// <summary>
    /// A profile's value of a feature as a person may be shown it: the published rounded median when the
    /// space carries the publication's medians (null when it withholds one), else the centre rounded as
    /// medians are; a category as it is.
    /// </summary>
    public static FeatureValue? ProfileValue(ProfileInSpace profile, string feature, FeatureValue centre, DisclosureRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!centre.IsNumeric)
        {
            return centre;
        }

        if (profile.PublishedMedians is { } medians)
        {
            return medians.TryGetValue(feature, out var median) && median is { } m ? FeatureValue.FromNumber(m) : null;
        }

        return FeatureValue.FromNumber(PublishedFigures.Centre(feature, centre.Number.GetValueOrDefault(), rules, profile.PublishedHouseholds));
    }

    // Per space, built once: every profile's numeric centres rounded as medians are ([profile * d + k]).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProfileSpace, double[]> DefaultCentres = new();

    private static double[] RoundedCentres(ProfileSpace space, DisclosureRules rules)
    {
        var d = space.DistanceFeatureCount;
        var centres = new double[space.Profiles.Count * d];
        for (var j = 0; j < space.Profiles.Count; j++)
        {
            for (var k = 0; k < d; k++)
            {
                if (space.IsNumeric[k])
                {
                    centres[(j * d) + k] = PublishedFigures.Centre(space.Features[space.DistanceFeatureOf[k]].Name, space.RawCentroid[(j * d) + k], rules, space.Profiles[j].PublishedHouseholds);
                }
            }
        }

        return centres;
    }

    private static double Term(ProfileSpace space, double[] centres, FeatureValue subject, int profile, int k)
    {
        var at = (profile * space.DistanceFeatureCount) + k;
        if (space.IsNumeric[k])
        {
            var diff = (subject.Number.GetValueOrDefault() - centres[at]) / space.Sd[k];
            return diff * diff;
        }

        return string.Equals(subject.Category, space.Mode[at], StringComparison.Ordinal) ? 0 : space.Gamma;
    }
}
