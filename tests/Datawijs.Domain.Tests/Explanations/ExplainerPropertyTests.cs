using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;
using FsCheck;
using FsCheck.Fluent;
using static Datawijs.Domain.Tests.Explanations.TestSpaces;

namespace Datawijs.Domain.Tests.Explanations;

public sealed class ExplainerPropertyTests
{
    private static readonly Config Runs = PropertyRuns.With(400);

    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static Explanation ExplainSeed(int seed, out ProfileSpace space, out Dictionary<string, FeatureValue> subject)
    {
        (space, subject) = FromSeed(seed);
        var result = Explainer.Explain(space, subject, new ExplanationOptions { MaxCounterfactuals = 7 });
        Assert.True(result.IsValid, $"seed {seed}: {string.Join(", ", result.Problems)}");
        return result.Explanation!;
    }

    [Fact]
    public void Contributions_added_in_listed_order_equal_the_distance_exactly() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            var explanation = ExplainSeed(seed, out var space, out var subject);
            var sum = 0.0;
            foreach (var c in explanation.Contributions)
            {
                sum += c.Term;
            }

            Assert.Equal(explanation.Distance, sum);
            Assert.Equal(explanation.Distances[0].Distance, sum);

            // And the terms are the real ones, up to the order of adding them.
            var profile = space.Profiles.Single(p => p.Id == explanation.ProfileId);
            Assert.Equal(ReferenceDistance(space, subject, profile), sum, 1e-9);
        }));

    [Fact]
    public void Assigned_profile_is_the_argmin_of_independently_computed_distances() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            var explanation = ExplainSeed(seed, out var space, out var subject);
            var reference = space.Profiles.Select(p => ReferenceDistance(space, subject, p)).ToList();
            var assigned = space.Profiles.Single(p => p.Id == explanation.ProfileId);
            Assert.Equal(reference.Min(), ReferenceDistance(space, subject, assigned), 1e-9);
            Assert.Equal(space.Profiles.Count, explanation.Distances.Count);
            Assert.Equal(space.Profiles.Select(p => p.Id).Order(), explanation.Distances.Select(d => d.ProfileId).Order());
            for (var i = 1; i < explanation.Distances.Count; i++)
            {
                Assert.True(explanation.Distances[i - 1].Distance <= explanation.Distances[i].Distance);
            }

            Assert.Equal(explanation.Distances[1].Distance - explanation.Distances[0].Distance, explanation.Margin);
        }));

    [Fact]
    public void Every_counterfactual_flips_the_assignment_when_checked_independently() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            var explanation = ExplainSeed(seed, out var space, out var subject);
            foreach (var counterfactual in explanation.Counterfactuals)
            {
                Assert.NotEqual(explanation.ProfileId, counterfactual.ProfileId);
                var changed = Apply(subject, counterfactual);
                var target = space.Profiles.Single(p => p.Id == counterfactual.ProfileId);
                var targetDistance = ReferenceDistance(space, changed, target);
                foreach (var other in space.Profiles.Where(p => p.Id != target.Id))
                {
                    Assert.True(
                        targetDistance < ReferenceDistance(space, changed, other),
                        $"seed {seed}: target {target.Id} is not strictly nearest after the change");
                }

                // The changed subject is itself valid and is assigned to the target.
                var again = Explainer.Explain(space, changed);
                Assert.True(again.IsValid);
                Assert.Equal(target.Id, again.Explanation!.ProfileId);
                Assert.True(counterfactual.Margin > 0);
            }
        }));

    [Fact]
    public void Counterfactuals_change_only_mutable_clustering_features_within_their_range() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            var explanation = ExplainSeed(seed, out var space, out var subject);
            foreach (var counterfactual in explanation.Counterfactuals)
            {
                Assert.InRange(counterfactual.Changes.Count, 1, ExplanationOptions.Default.MaxChangedFeatures);
                foreach (var change in counterfactual.Changes)
                {
                    var feature = space.Features.Single(f => f.Name == change.Feature);
                    Assert.True(feature.Mutable, $"seed {seed}: {feature.Name} is not mutable");
                    Assert.Equal(FeatureRole.Clustering, feature.Role);
                    Assert.NotEqual(FeatureRole.Protected, feature.Role);
                    Assert.Equal(subject[change.Feature], change.From);
                    Assert.NotEqual(change.From, change.To);
                    if (feature.Type == FeatureType.Numeric)
                    {
                        Assert.InRange(change.To.Number!.Value, feature.Min!.Value, feature.Max!.Value);
                        var step = space.Scales[feature.Name].Step!.Value;
                        Assert.Equal(Math.Round(change.To.Number!.Value / step), change.To.Number!.Value / step, 1e-9);
                    }
                    else
                    {
                        Assert.Contains(change.To.Category, feature.Values!);
                    }
                }
            }
        }));

    [Fact]
    public void Every_change_in_a_counterfactual_is_needed_for_the_flip() =>
        Check.One(Runs, Prop.ForAll(Seeds, EveryChangeIsNeeded));

    [Fact]
    public void Every_change_is_needed_even_when_rounding_one_feature_does_the_work_of_another() =>
        // Found by the property above: hours rounded up to 35 made the housing switch unnecessary.
        EveryChangeIsNeeded(195627888);

    private static void EveryChangeIsNeeded(int seed)
    {
        // "Fewest features": dropping any one change must lose the flip.
        var explanation = ExplainSeed(seed, out var space, out var subject);
        foreach (var counterfactual in explanation.Counterfactuals.Where(c => c.Changes.Count > 1))
        {
            foreach (var left in counterfactual.Changes)
            {
                var fewer = counterfactual with { Changes = counterfactual.Changes.Where(c => c != left).ToList() };
                var changed = Apply(subject, fewer);
                var again = Explainer.Explain(space, changed).Explanation!;
                Assert.True(
                    again.ProfileId != counterfactual.ProfileId || again.Margin == 0,
                    $"seed {seed}: the change to {left.Feature} was not needed");
            }
        }
    }
}
