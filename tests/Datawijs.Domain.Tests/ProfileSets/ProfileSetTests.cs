using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.ProfileSets;
using Datawijs.Domain.Tests.Disclosure;

namespace Datawijs.Domain.Tests.ProfileSets;

public sealed class ProfileSetTests
{
    private static readonly string[] Ab = ["a", "b"];
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Profile Named(int cluster) =>
        new(Guid.CreateVersion7(), cluster, $"Profiel {cluster + 1}", $"Profile {cluster + 1}", "Vaak een stel.", "Often a couple.");

    private static ProfileSet Draft(int[][] counts, params Profile[] profiles) =>
        Set(ProfileSetState.Draft, counts, profiles);

    private static ProfileSet Set(ProfileSetState state, int[][] counts, params Profile[] profiles) =>
        new(Guid.CreateVersion7(), state, ProfileFixtures.Describe(Ab, counts), profiles.Length > 0 ? profiles : [.. Enumerable.Range(0, counts.Length).Select(Named)]);

    [Fact]
    public void A_named_and_described_draft_the_gate_lets_through_is_publishable_with_the_gated_figures()
    {
        var set = Draft([[40, 20], [20, 40]]);

        var decision = set.Publish(PublicationFindings.None);

        Assert.Equal(PublicationOutcome.Publishable, decision.Outcome);
        Assert.Empty(decision.Blockers);
        Assert.NotNull(decision.Published);
        Assert.Same(set.Disclosure.ProfileSet, decision.Published);
    }

    [Fact]
    public void A_set_of_one_profile_is_blocked_because_everyone_would_get_the_same_advice()
    {
        var set = Draft([[40, 20]]);

        var blocker = Assert.Single(set.Blockers());

        Assert.Equal("too-few-profiles", blocker.Code);
        Assert.Null(blocker.ProfileId);
        Assert.Equal("A profile set needs at least two profiles to give advice; cluster again with a larger k (or more households).", blocker.Reason);
        Assert.Equal(PublicationOutcome.Blocked, set.Publish(PublicationFindings.None).Outcome);
    }

    [Theory]
    [InlineData(null, "Profile 2")]
    [InlineData("Profiel 2", null)]
    [InlineData("Profiel 2", "  ")]
    public void A_profile_without_a_name_in_both_languages_blocks(string? nl, string? en)
    {
        var second = Named(1) with { NameNl = nl, NameEn = en };
        var set = Draft([[40, 20], [20, 40]], Named(0), second);

        var blocker = Assert.Single(set.Blockers());

        Assert.Equal("unnamed", blocker.Code);
        Assert.Equal(second.Id, blocker.ProfileId);
        Assert.Equal("Profile 2 needs a name in Dutch and in English.", blocker.Reason);
        var decision = set.Publish(PublicationFindings.None);
        Assert.Equal(PublicationOutcome.Blocked, decision.Outcome);
        Assert.Null(decision.Published);
    }

    [Fact]
    public void A_profile_without_a_description_in_both_languages_blocks()
    {
        var first = Named(0) with { DescriptionEn = null };
        var set = Draft([[40, 20], [20, 40]], first, Named(1));

        var blocker = Assert.Single(set.Blockers());

        Assert.Equal("undescribed", blocker.Code);
        Assert.Equal(first.Id, blocker.ProfileId);
        Assert.Equal("Profile 1 needs a description in Dutch (B1) and in English.", blocker.Reason);
    }

    [Fact]
    public void A_profile_the_disclosure_gate_finds_too_small_blocks_the_whole_set()
    {
        var small = Named(1);
        var set = Draft([[40, 20], [3, 2]], Named(0), small);

        var blocker = Assert.Single(set.Blockers());

        Assert.Equal("profile-too-small", blocker.Code);
        Assert.Equal(small.Id, blocker.ProfileId);
        Assert.Equal("Profile 2 has fewer households than the disclosure rules allow.", blocker.Reason);
        Assert.Equal(PublicationOutcome.Blocked, set.Publish(PublicationFindings.None).Outcome);
    }

    [Fact]
    public void Blockers_are_listed_per_profile_in_the_order_of_the_clustering()
    {
        var second = Named(1) with { NameNl = null, DescriptionNl = null };
        var first = Named(0) with { DescriptionEn = null };
        var set = Draft([[40, 20], [20, 40]], second, first);

        Assert.Equal(["undescribed", "unnamed", "undescribed"], set.Blockers().Select(b => b.Code));
        Assert.Equal([first.Id, second.Id, second.Id], set.Blockers().Select(b => b.ProfileId!.Value));
    }

    [Theory]
    [InlineData(ProfileSetState.Published)]
    [InlineData(ProfileSetState.Retired)]
    public void Only_a_draft_can_be_published_and_only_a_draft_has_blockers(ProfileSetState state)
    {
        var set = Set(state, [[40, 20]], Named(0) with { NameNl = null });

        Assert.Empty(set.Blockers());
        var decision = set.Publish(PublicationFindings.None);
        Assert.Equal(PublicationOutcome.NotDraft, decision.Outcome);
        Assert.Null(decision.Published);
    }

    [Theory]
    [InlineData(ProfileSetState.Draft, RetirementOutcome.Retired)]
    [InlineData(ProfileSetState.Published, RetirementOutcome.Retired)]
    [InlineData(ProfileSetState.Retired, RetirementOutcome.AlreadyRetired)]
    public void A_draft_or_published_set_can_be_retired_once(ProfileSetState state, RetirementOutcome expected)
    {
        Assert.Equal(expected, Set(state, [[40, 20], [20, 40]]).Retire());
    }

    [Fact]
    public void A_difference_with_an_earlier_publication_blocks_and_names_the_figure()
    {
        var earlier = Draft([[40, 20], [20, 40]]);
        var earlierRecord = earlier.PublicationRecord(Monday);
        var set = Draft([[44, 20], [20, 40]]);

        var differences = set.DifferencesWith(set.PublicationRecord(Monday.AddDays(1)), [earlierRecord]);
        var blockers = set.Blockers(PublicationFindings.None with { Differences = differences });

        Assert.NotEmpty(differences);
        Assert.All(blockers, b => Assert.Equal("publication-difference", b.Code));
        Assert.Contains(blockers, b => b.ProfileId is null && b.Reason ==
            $"The whole dataset, the number of households: differs by 1 to 9 households from the publication of 2026-11-30 (profile set {earlier.Id}), so the difference would show a group smaller than the minimum.");
        Assert.Contains(blockers, b => b.ProfileId == set.Profiles[0].Id
            && b.Reason.StartsWith("Profile 1, the count of benefit = a (benefit = a): ", StringComparison.Ordinal)
            && b.Reason.Contains("(paired with its profile 1)", StringComparison.Ordinal));
        Assert.Equal(PublicationOutcome.Blocked, set.Publish(PublicationFindings.None with { Differences = differences }).Outcome);
    }

    [Fact]
    public void A_set_the_gate_blocks_is_not_compared_with_earlier_publications()
    {
        var earlier = Draft([[40, 20], [20, 40]]).PublicationRecord(Monday);
        var blocked = Draft([[44, 20], [3, 2]]);
        var candidate = blocked.PublicationRecord(Monday.AddDays(1));

        Assert.False(blocked.Disclosure.Report.Publishable);
        Assert.NotEmpty(PublicationDifferencing.Check(candidate, [earlier])); // what a comparison would find
        Assert.Empty(blocked.DifferencesWith(candidate, [earlier]));
    }

    private static readonly FeatureDefinition[] Protected =
    [
        new("benefit", FeatureType.Categorical, FeatureRole.Clustering, true, ["a", "b"]),
        new("background", FeatureType.Categorical, FeatureRole.Protected, false, ["x", "y"],
            Label: new LocalizedText("migratieachtergrond", "migration background"),
            ValueLabels: new Dictionary<string, LocalizedText> { ["y"] = new("niet-westers", "non-Western") }),
    ];

    // counts[j] = households of profile j with background x and with background y.
    private static ProfileSetDescription WithBackground(int[][] counts)
    {
        var benefit = new List<int>();
        var background = new List<int>();
        var labels = new List<int>();
        for (var j = 0; j < counts.Length; j++)
        {
            for (var y = 0; y < 2; y++)
            {
                for (var i = 0; i < counts[j][y]; i++)
                {
                    benefit.Add(j % 2);
                    background.Add(y);
                    labels.Add(j);
                }
            }
        }

        return ProfileDescriber.Describe(MixedDataMatrix.FromColumns(Protected, [benefit.ToArray(), background.ToArray()]), labels.ToArray(), counts.Length);
    }

    [Fact]
    public void An_over_represented_protected_group_blocks_until_a_person_reviews_it()
    {
        var description = WithBackground([[30, 70], [90, 10]]);
        var set = new ProfileSet(Guid.CreateVersion7(), ProfileSetState.Draft, description, [Named(0), Named(1)]);
        var fairness = FairnessCheck.Run(description);
        var unreviewed = new PublicationFindings(fairness, null, []);

        var blockers = set.Blockers(unreviewed);

        Assert.Equal(2, blockers.Count);
        Assert.All(blockers, b => Assert.Equal("protected-over-representation", b.Code));
        Assert.StartsWith("Profile 1: migration background = non-Western (background = y) is more than 2 times as frequent as outside the profile (significant). A person must review this: POST",
            blockers.Single(b => b.ProfileId == set.Profiles[0].Id).Reason, StringComparison.Ordinal);
        Assert.Equal(FairnessOutcome.OverRepresentationFound, unreviewed.FairnessOutcome);
        Assert.Equal(PublicationOutcome.Blocked, set.Publish(unreviewed).Outcome);

        var reviewed = unreviewed with { Reviewed = [.. fairness.Findings.Select(f => new ReviewedFinding(f.Cluster, f.Feature, f.Value))] };
        Assert.Empty(set.Blockers(reviewed));
        Assert.Equal(FairnessOutcome.OverRepresentationReviewed, reviewed.FairnessOutcome);
        Assert.Equal(PublicationOutcome.Publishable, set.Publish(reviewed).Outcome);
    }

    [Fact]
    public void A_review_lifts_only_the_findings_the_person_saw()
    {
        var description = WithBackground([[30, 70], [90, 10]]);
        var set = new ProfileSet(Guid.CreateVersion7(), ProfileSetState.Draft, description, [Named(0), Named(1)]);
        var fairness = FairnessCheck.Run(description);
        var partly = new PublicationFindings(fairness, [.. fairness.Findings.Where(f => f.Cluster == 0).Select(f => new ReviewedFinding(f.Cluster, f.Feature, f.Value))], []);

        var blocker = Assert.Single(set.Blockers(partly));

        Assert.Equal(set.Profiles[1].Id, blocker.ProfileId);
        Assert.Contains("(it was not among the findings reviewed earlier)", blocker.Reason, StringComparison.Ordinal);
        Assert.Equal(FairnessOutcome.OverRepresentationFound, partly.FairnessOutcome);
    }

    [Fact]
    public void The_fairness_outcome_says_when_there_was_nothing_to_check_or_nothing_found()
    {
        Assert.Equal(FairnessOutcome.NoProtectedFeatures, PublicationFindings.None.FairnessOutcome);
        var even = new PublicationFindings(FairnessCheck.Run(WithBackground([[50, 50], [50, 50]])), null, []);
        Assert.Equal(FairnessOutcome.NoOverRepresentation, even.FairnessOutcome);
        Assert.Empty(even.Unreviewed);
    }
}
