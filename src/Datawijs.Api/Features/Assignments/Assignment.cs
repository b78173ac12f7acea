using System.Text.Json;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Api.Http;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain.Assignments;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using Datawijs.Domain;

namespace Datawijs.Api.Features.Assignments;

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

    /// <summary>
    /// The assignment in its status: the advice itself only when the status shows it (<see cref="Domain.Assignments.Assignment.ShowsAdvice"/>)
    /// and the published set it was made with still exists.
    /// </summary>
    public static Assignment From(
        AssignmentRow row,
        AssignmentStatus status,
        PublishedProfileSetModel? model,
        Explanation? explanation,
        Language language,
        ObjectionRow? latestObjection)
    {
        ArgumentNullException.ThrowIfNull(row);
        var decision = row.ToAssignment().Decision is { } made ? AssignmentDecisionView.From(made) : null;
        var objection = latestObjection is null ? null : ObjectionState.From(latestObjection);
        var notice = AdviceNotice.In(language);
        if (!Domain.Assignments.Assignment.ShowsAdvice(status) || model is null || explanation is null)
        {
            return new Assignment
            {
                Id = row.Id, Status = AssignmentStatuses.Of(status), ProfileSetId = row.ProfileSetId, Notice = notice, Decision = decision,
                Objection = objection, CreatedAt = row.CreatedAt,
            };
        }

        var space = model.Space;
        var rendered = ExplanationText.Render(space, explanation, language);
        var outflow = Domain.Reporting.OutflowText.Sentence(model.Outflow?.GetValueOrDefault(explanation.ProfileId), language);

        // The decisions are the exact explanation's; every number returned goes through the disclosure rules.
        var figures = PublishedAdvice.Of(space, explanation, model.Disclosure);
        return new Assignment
        {
            Id = row.Id,
            Status = AssignmentStatuses.Of(status),
            ProfileSetId = row.ProfileSetId,
            ProfileId = explanation.ProfileId,
            ProfileName = NameOf(space, explanation.ProfileId, language),
            Distances = figures.Distances
                .Select(d => new ProfileDistanceView { ProfileId = d.ProfileId, ProfileName = NameOf(space, d.ProfileId, language), Distance = d.Distance })
                .ToList(),
            Margin = figures.Margin,
            RelativeMargin = figures.RelativeMargin,
            Uncertain = explanation.Uncertain,
            Contributions = figures.Contributions.Select(c => new ContributionView
            {
                Feature = c.Feature,
                Label = space.LabelOf(c.Feature, language),
                Term = c.Term,
                SubjectValue = Json(c.SubjectValue),
                ProfileValue = c.ProfileValue is { } value ? Json(value) : NullValue,
                RunnerUpTerm = c.RunnerUpTerm,
            }).ToList(),
            Counterfactuals = explanation.Counterfactuals.Select((c, i) => new CounterfactualView
            {
                TargetProfileId = c.ProfileId,
                TargetProfileName = NameOf(space, c.ProfileId, language),
                Changes = c.Changes.Select(change => new FeatureChangeView
                {
                    Feature = change.Feature, Label = space.LabelOf(change.Feature, language), From = Json(change.From), To = Json(change.To),
                }).ToList(),
                ChangeSize = figures.ChangeSizes[i],
            }).ToList(),
            Explanation = new AssignmentExplanation
            {
                Language = RequestLanguage.Code(language),
                Text = outflow is null ? rendered.Full : rendered.Full + "\n\n" + outflow,
                Advice = rendered.Advice,
                Reasons = rendered.Reasons,
                DataUsed = rendered.DataUsed,
                Certainty = rendered.Certainty,
                Alternative = rendered.Alternative,
                WhoDecides = rendered.WhoDecides,
                RightToObject = rendered.RightToObject,
                Outflow = outflow,
            },
            Notice = notice,
            Decision = decision,
            Objection = objection,
            CreatedAt = row.CreatedAt,
        };
    }

    private static string NameOf(ProfileSpace space, Guid profileId, Language language)
    {
        foreach (var profile in space.Profiles)
        {
            if (profile.Id == profileId)
            {
                return profile.Name.In(language);
            }
        }

        return profileId.ToString();
    }

    private static readonly JsonElement NullValue = JsonSerializer.SerializeToElement<object?>(null);

    private static JsonElement Json(FeatureValue value) =>
        value.IsNumeric ? JsonSerializer.SerializeToElement(value.Number.GetValueOrDefault()) : JsonSerializer.SerializeToElement(value.Category);
}
