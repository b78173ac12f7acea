namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The inequality check of a profile set and its outcome.</summary>
public sealed class FairnessCheckView
{
    /// <summary>noProtectedFeatures, noOverRepresentation, overRepresentationFound (not yet reviewed: blocks publication) or overRepresentationReviewed.</summary>
    [Datawijs.Api.OpenApi.WireValues("noProtectedFeatures", "noOverRepresentation", "overRepresentationFound", "overRepresentationReviewed")]
    public string Outcome { get; init; } = "";

    /// <summary>How the check works, in words.</summary>
    public string Test { get; init; } = FairnessTexts.TestDescription;

    /// <summary>A group counts as over-represented above this many times its share outside the profile.</summary>
    public double MaximumRatio { get; init; }

    /// <summary>Significance level of the one-sided Fisher exact test for the set as a whole; each test is held to alpha / the number of tests.</summary>
    public double Alpha { get; init; }

    /// <summary>The protected categorical features checked.</summary>
    public IReadOnlyList<string> CheckedFeatures { get; init; } = [];

    public IReadOnlyList<FairnessFindingView> Findings { get; init; } = [];

    /// <summary>The person's review, when findings were reviewed.</summary>
    public FairnessReviewView? Review { get; init; }

    /// <summary>The check and its outcome in plain words: Dutch (B1) and English.</summary>
    public ProfileText Summary { get; init; } = new();
}
