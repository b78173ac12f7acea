using System.Text.Json;

namespace Datawijs.Api.Features.Assignments;

public static class AssignmentStatuses
{
    /// <summary>Advice only: no person has decided yet.</summary>
    public const string Advice = "advice";

    /// <summary>A case worker recorded their own decision (following or deviating from the advice).</summary>
    public const string Decided = "decided";

    /// <summary>The subject objected and the objection is open: the advice is not given.</summary>
    public const string Contested = "contested";

    /// <summary>An upheld objection stopped the use of this advice.</summary>
    public const string Withdrawn = "withdrawn";
}

/// <summary>
/// Advice for a person, never a decision. While the subject's objection is open (status
/// contested) or after it was upheld (status withdrawn) the advice fields are null: the advice is not given.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; init; }

    /// <summary>advice, decided, contested or withdrawn.</summary>
    [Datawijs.Api.OpenApi.WireValues("advice", "decided", "contested", "withdrawn")]
    public string Status { get; init; } = AssignmentStatuses.Advice;

    /// <summary>The published profile set the advice was made with.</summary>
    public Guid ProfileSetId { get; init; }

    /// <summary>The advised profile: the nearest one. Null while contested or withdrawn.</summary>
    public Guid? ProfileId { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>The distance to every profile, nearest first.</summary>
    public IReadOnlyList<ProfileDistanceView>? Distances { get; init; }

    /// <summary>Distance to the next profile minus distance to the advised one (squared standardised units), two decimals, never below 0.</summary>
    public double? Margin { get; init; }

    /// <summary>Margin divided by the distance to the next profile, 0 to 1, two decimals.</summary>
    public double? RelativeMargin { get; init; }

    /// <summary>True when the exact margin is small: relative margin below 0.1 or margin below 0.1 (see docs/transparency.md).</summary>
    public bool? Uncertain { get; init; }

    /// <summary>The per-feature terms of the distance to the advised profile, largest exact term first (see docs/transparency.md: two decimals, against the published centres).</summary>
    public IReadOnlyList<ContributionView>? Contributions { get; init; }

    /// <summary>Verified smallest changes in mutable features that give another profile; empty when none exists.</summary>
    public IReadOnlyList<CounterfactualView>? Counterfactuals { get; init; }

    /// <summary>The explanation in plain language (Dutch B1, or English on Accept-Language: en).</summary>
    public AssignmentExplanation? Explanation { get; init; }

    /// <summary>That this is advice and a person decides, and, separately, the right to object.</summary>
    public AdviceNotice Notice { get; init; } = new();

    /// <summary>The case worker's own decision; null until made.</summary>
    public AssignmentDecisionView? Decision { get; init; }

    /// <summary>The subject's latest objection, if any.</summary>
    public ObjectionState? Objection { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class ProfileDistanceView
{
    public Guid ProfileId { get; init; }

    public string ProfileName { get; init; } = "";

    /// <summary>Against the profile's centres rounded as published medians are, two decimals; listed in the exact order.</summary>
    public double Distance { get; init; }
}

public sealed class ContributionView
{
    public string Feature { get; init; } = "";

    /// <summary>The feature's display label in the response language.</summary>
    public string Label { get; init; } = "";

    /// <summary>The feature's term in the distance to the advised profile: against the profile's centre rounded as published medians are, two decimals.</summary>
    public double Term { get; init; }

    /// <summary>The subject's value: a number or a category.</summary>
    public JsonElement SubjectValue { get; init; }

    /// <summary>The advised profile's value as published: its rounded median (number; null when the publication withholds it) or its mode (category). Never the exact centre.</summary>
    public JsonElement ProfileValue { get; init; }

    /// <summary>The same feature's term in the distance to the next profile (two decimals, published centre).</summary>
    public double RunnerUpTerm { get; init; }
}

public sealed class CounterfactualView
{
    public Guid TargetProfileId { get; init; }

    public string TargetProfileName { get; init; } = "";

    /// <summary>The changed features, only mutable ones; with all of them the target profile becomes the nearest.</summary>
    public IReadOnlyList<FeatureChangeView> Changes { get; init; } = [];

    /// <summary>The size of the change in the model's own metric, two decimals.</summary>
    public double ChangeSize { get; init; }
}

public sealed class FeatureChangeView
{
    public string Feature { get; init; } = "";

    /// <summary>The feature's label in the response language (the name when the dataset declared none).</summary>
    public string Label { get; init; } = "";

    public JsonElement From { get; init; }

    public JsonElement To { get; init; }
}

/// <summary>The explanation in parts, so a screen can lay them out; <c>text</c> is all parts together.</summary>
public sealed class AssignmentExplanation
{
    /// <summary>nl or en.</summary>
    [Datawijs.Api.OpenApi.WireValues("nl", "en")]
    public string Language { get; init; } = "nl";

    public string Text { get; init; } = "";

    public string Advice { get; init; } = "";

    public string Reasons { get; init; } = "";

    public string DataUsed { get; init; } = "";

    public string Certainty { get; init; } = "";

    public string Alternative { get; init; } = "";

    public string WhoDecides { get; init; } = "";

    public string RightToObject { get; init; } = "";

    /// <summary>
    /// When the published set has time to outflow: the profile's median with its interval, as a fact about the
    /// group and never a prediction for the person (B1). Null when not published, withheld or not reached.
    /// </summary>
    public string? Outflow { get; init; }
}

public sealed class AdviceNotice
{
    /// <summary>Always true: an assignment is advice for a person, never a decision.</summary>
    public bool IsAdvice { get; init; } = true;

    /// <summary>That this is advice and that a person decides and may deviate.</summary>
    public string Advice { get; init; } = "";

    /// <summary>The subject's right to object ("this is not me", "I don't want this").</summary>
    public string RightToObject { get; init; } = "";
}

public sealed class AssignmentDecisionView
{
    /// <summary>follows or deviates.</summary>
    [Datawijs.Api.OpenApi.WireValues("follows", "deviates")]
    public string Outcome { get; init; } = "";

    public string Reasoning { get; init; } = "";

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>The case worker's user_id from the token.</summary>
    public string? UserId { get; init; }

    /// <summary>The case worker's user_representation from the token.</summary>
    public string? UserRepresentation { get; init; }

    /// <summary>The application that recorded the decision.</summary>
    public string ClientId { get; init; } = "";
}

public sealed class ObjectionState
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>open, upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }
}
