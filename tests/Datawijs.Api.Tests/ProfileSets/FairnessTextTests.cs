using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Features;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Tests.ProfileSets;

public sealed class FairnessTextTests
{
    private static readonly FeatureDefinition[] Features =
    [
        new("benefit", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]),
        new("background", FeatureType.Categorical, FeatureRole.Protected, false, ["x", "y"],
            Label: new LocalizedText("migratieachtergrond", "migration background"),
            ValueLabels: new Dictionary<string, LocalizedText> { ["y"] = new("niet-westers", "non-Western") }),
    ];

    private static ProfileSetDescription Described(int[][] benefitBackground)
    {
        // Rows: (profile, benefit code, background code, count).
        var benefit = new List<int>();
        var background = new List<int>();
        var labels = new List<int>();
        for (var j = 0; j < benefitBackground.Length; j++)
        {
            for (var y = 0; y < 2; y++)
            {
                for (var i = 0; i < benefitBackground[j][y]; i++)
                {
                    benefit.Add(j % 2);
                    background.Add(y);
                    labels.Add(j);
                }
            }
        }

        var matrix = MixedDataMatrix.FromColumns(Features, [benefit.ToArray(), background.ToArray()]);
        return ProfileDescriber.Describe(matrix, labels.ToArray(), benefitBackground.Length);
    }

    private static readonly ProfileRow[] Profiles =
    [
        new() { Id = Guid.CreateVersion7(), Cluster = 0, NameNl = "Jonge gezinnen", NameEn = "Young families" },
        new() { Id = Guid.CreateVersion7(), Cluster = 1 },
    ];

    [Theory]
    [InlineData(2026, 12, 7, "7 december 2026", "7 December 2026")]
    [InlineData(2027, 3, 1, "1 maart 2027", "1 March 2027")]
    public void Dates_read_as_people_write_them(int year, int month, int day, string nl, string en)
    {
        var at = new DateTimeOffset(year, month, day, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(nl, FairnessTexts.Date(at, Language.Dutch));
        Assert.Equal(en, FairnessTexts.Date(at, Language.English));
    }

    [Fact]
    public void A_finding_blocks_with_the_profile_feature_and_value_named_until_a_review_exists()
    {
        var set = Described([[30, 70], [90, 10]]);
        var check = new PublicationCheck(FairnessCheck.Run(set), null, [], null, 0);

        var blockers = PublicationChecks.Blockers(check, Profiles, Features);

        var blocker = Assert.Single(blockers, b => b.ProfileId == Profiles[0].Id);
        Assert.Equal("protected-over-representation", blocker.Code);
        Assert.StartsWith("Profile 1: migration background = non-Western (background = y) is more than 2 times as frequent", blocker.Reason, StringComparison.Ordinal);
        var view = PublicationChecks.View(check, Profiles, Features);
        Assert.Equal("overRepresentationFound", view.Outcome);
        Assert.Contains("niet-westers (migratieachtergrond) in profiel 1 (Jonge gezinnen)", view.Summary.Nl, StringComparison.Ordinal);
        Assert.Contains("; x (migratieachtergrond) in profiel 2. ", view.Summary.Nl, StringComparison.Ordinal);
        Assert.Contains("meer dan 2 keer zo vaak", view.Summary.Nl, StringComparison.Ordinal);

        var review = new FairnessReviewRow
        {
            ReviewedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), Reasoning = "Besproken en aanvaard.", UserId = "m.jansen",
            Findings = StoredJson.Write(PublicationChecks.Findings(check.Fairness.Findings, Profiles, Features)),
        };
        var reviewed = check with { Review = review };
        Assert.DoesNotContain(PublicationChecks.Blockers(reviewed, Profiles, Features), b => b.Code == "protected-over-representation");
        var shown = PublicationChecks.View(reviewed, Profiles, Features);
        Assert.Equal("overRepresentationReviewed", shown.Outcome);
        Assert.EndsWith("Een mens heeft dit bekeken op 7 december 2026. Die schreef erbij: Besproken en aanvaard.", shown.Summary.Nl, StringComparison.Ordinal);
        Assert.EndsWith("A person looked at this on 7 December 2026. They wrote: Besproken en aanvaard.", shown.Summary.En, StringComparison.Ordinal);
        Assert.DoesNotContain("jansen", shown.Summary.Nl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_review_lifts_only_the_findings_it_saw_and_a_new_finding_blocks_again()
    {
        var set = Described([[30, 70], [90, 10]]);
        var check = new PublicationCheck(FairnessCheck.Run(set), null, [], null, 0);
        Assert.Equal(2, check.Fairness.Findings.Count);
        // The person reviewed when only profile 1's finding existed (e.g. before Fairness:MaximumRatio was lowered).
        var seen = check.Fairness.Findings.Where(f => f.Cluster == 0);
        var review = new FairnessReviewRow
        {
            ReviewedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), Reasoning = "Besproken en aanvaard in het overleg.", UserId = "m.jansen",
            Findings = StoredJson.Write(PublicationChecks.Findings(seen, Profiles, Features)),
        };
        var partly = check with { Review = review };

        var blocker = Assert.Single(PublicationChecks.Blockers(partly, Profiles, Features), b => b.Code == "protected-over-representation");
        Assert.Equal(Profiles[1].Id, blocker.ProfileId);
        Assert.Contains("not among the findings reviewed earlier", blocker.Reason, StringComparison.Ordinal);
        var view = PublicationChecks.View(partly, Profiles, Features);
        Assert.Equal("overRepresentationFound", view.Outcome);
        Assert.Null(view.Review);
    }

    [Fact]
    public void The_public_text_names_no_profile_group_or_ratio_that_would_bound_a_suppressed_cell()
    {
        // Profiles of 40 and 40; 'y' is 22 in profile 1 and 3 in profile 2. With the protected cells suppressed and
        // the population's y = 25 shown, "y in profile 1 more than 2 times as frequent" gives profile 2's y <= 9.
        var set = Described([[18, 22], [37, 3]]);
        var check = new PublicationCheck(FairnessCheck.Run(set), null, [], null, 0);
        Assert.Contains(check.Fairness.Findings, f => f.Cluster == 0 && f.Value == "y");
        var review = new FairnessReviewRow
        {
            ReviewedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), Reasoning = "Besproken en aanvaard in het overleg.", UserId = "m.jansen",
            Findings = StoredJson.Write(PublicationChecks.Findings(check.Fairness.Findings, Profiles, Features)),
        };
        var frozen = new ProfileSetView { Fairness = PublicationChecks.View(check with { Review = review }, Profiles, Features) };
        Assert.Contains("profiel 1", frozen.Fairness.Summary.Nl, StringComparison.Ordinal);

        var shown = FairnessTexts.PublicView(frozen);
        Assert.Equal("overRepresentationReviewed", shown.Fairness!.Outcome);
        Assert.Empty(shown.Fairness.Findings);
        Assert.Equal(review.ReviewedAt, shown.Fairness.Review!.ReviewedAt);
        foreach (var text in new[] { FairnessTexts.Public(frozen, Language.Dutch), FairnessTexts.Public(frozen, Language.English), shown.Fairness.Summary.Nl!, shown.Fairness.Summary.En! })
        {
            Assert.EndsWith("Besproken en aanvaard in het overleg.", text, StringComparison.Ordinal);
            foreach (var named in new[] { "niet-westers", "non-Western", "profiel 1", "profile 1", "Jonge gezinnen", "keer zo vaak", "times as frequent", " y " })
            {
                Assert.DoesNotContain(named, text, StringComparison.Ordinal);
            }
        }

        Assert.StartsWith("Gecontroleerd: een groep komt te vaak voor. In een of meer profielen zit een groep (background) veel vaker", shown.Fairness.Summary.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_published_before_the_check_existed_says_it_was_not_checked()
    {
        Assert.StartsWith("Niet gecontroleerd op ongelijkheid", FairnessTexts.Public((FairnessCheckView?)null, Language.Dutch), StringComparison.Ordinal);
        Assert.StartsWith("Not checked for inequality", FairnessTexts.Public((FairnessCheckView?)null, Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_of_one_and_a_half_reads_with_a_decimal_comma_in_dutch()
    {
        var set = Described([[48, 52], [52, 48]]);
        var check = new PublicationCheck(FairnessCheck.Run(set, new FairnessCheckOptions { MaximumRatio = 1.5 }), null, [], null, 0);

        var view = PublicationChecks.View(check, Profiles, Features);

        Assert.Equal("noOverRepresentation", view.Outcome);
        Assert.Contains("meer dan 1,5 keer zo vaak", view.Summary.Nl, StringComparison.Ordinal);
        Assert.Contains("more than 1.5 times as frequent", view.Summary.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_names_the_figure_and_the_earlier_publication()
    {
        var earlier = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var check = new PublicationCheck(FairnessCheck.Run(Described([[50, 50], [50, 50]])), null,
            [new DifferenceFinding(null, "background", "y", earlier, at, null), new DifferenceFinding(0, null, null, earlier, at, 1)], null, 1);

        var blockers = PublicationChecks.Blockers(check, Profiles, Features);

        Assert.All(blockers, b => Assert.Equal("publication-difference", b.Code));
        Assert.Contains(blockers, b => b.ProfileId is null
            && b.Reason == $"The whole dataset, the count of migration background = non-Western (background = y): differs by 1 to 9 households from the publication of 2026-11-30 (profile set {earlier}), so the difference would show a group smaller than the minimum.");
        Assert.Contains(blockers, b => b.ProfileId == Profiles[0].Id && b.Reason.StartsWith("Profile 1, the number of households: ", StringComparison.Ordinal)
            && b.Reason.Contains("(paired with its profile 2)", StringComparison.Ordinal));
    }
}
