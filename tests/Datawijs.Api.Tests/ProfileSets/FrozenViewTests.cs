using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Features;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Tests.ProfileSets;

/// <summary>A view frozen at publication is shown under the rules of today, and a view frozen under them is shown unchanged.</summary>
public sealed class FrozenViewTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    private static (string Json, ProfileSetView View) Freeze(int[][] counts)
    {
        var features = new[] { new FeatureDefinition("benefit", FeatureType.Categorical, FeatureRole.Clustering, true, Abc) };
        var codes = new List<int>();
        var labels = new List<int>();
        for (var j = 0; j < counts.Length; j++)
        {
            for (var v = 0; v < Abc.Length; v++)
            {
                codes.AddRange(Enumerable.Repeat(v, counts[j][v]));
                labels.AddRange(Enumerable.Repeat(j, counts[j][v]));
            }
        }

        var set = ProfileDescriber.Describe(MixedDataMatrix.FromColumns(features, [codes.ToArray()]), labels.ToArray(), counts.Length);
        var profiles = Enumerable.Range(0, counts.Length).Select(j => new ProfileRow { Id = Guid.CreateVersion7(), Cluster = j }).ToList();
        var view = ProfileSetViews.View(new MethodView(), DisclosureGate.Apply(set).ProfileSet, profiles, features);
        return (StoredJson.Write(view), view);
    }

    [Fact]
    public void A_view_frozen_under_the_current_rules_is_shown_as_it_was_frozen()
    {
        var (json, _) = Freeze([[40, 12, 5], [60, 1, 30], [60, 2, 30]]);

        Assert.Equal(json, StoredJson.Write(ProfileSetViews.Frozen(json)));
    }

    [Fact]
    public void A_view_frozen_before_loses_lifts_from_exact_counts_and_highlights_on_suppressed_cells()
    {
        var (_, view) = Freeze([[40, 12, 5], [60, 1, 30], [60, 2, 30]]);
        var first = view.Profiles[0];
        var shown = first.Categorical[0].Cells[0];
        // As the gate froze views before: an exact lift, and profile 0's b named although suppressed.
        var old = new ProfileSetView
        {
            Method = view.Method,
            Population = view.Population,
            Profiles =
            [
                new ProfileView
                {
                    Id = first.Id,
                    Number = first.Number,
                    Households = first.Households,
                    Categorical =
                    [
                        new DistributionView
                        {
                            Feature = "benefit",
                            Role = "clustering",
                            Cells = [new PublishedCellView { Value = "a", Households = shown.Households, SharePercent = 70, PopulationSharePercent = 80, Lift = 0.87, RelativelyMoreFrequent = false }, .. first.Categorical[0].Cells.Skip(1)],
                        },
                    ],
                    RelativelyMoreFrequent = [new HighlightView { Feature = "benefit", Value = "b" }],
                },
                .. view.Profiles.Skip(1),
            ],
        };

        var now = ProfileSetViews.Frozen(StoredJson.Write(old));

        Assert.Empty(now.Profiles[0].RelativelyMoreFrequent);
        var a = now.Profiles[0].Categorical[0].Cells[0];
        Assert.Equal(shown.Lift, a.Lift);
        Assert.Equal(shown.SharePercent, a.SharePercent);
        Assert.Equal(shown.PopulationSharePercent, a.PopulationSharePercent);
    }
}
