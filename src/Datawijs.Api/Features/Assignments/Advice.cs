using Datawijs.Domain;
using System.Text.Json;
using Datawijs.Api.Http;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments;

/// <summary>Maps between the wire (JSON feature values), storage and the explanation engine.</summary>
public static class Advice
{
    /// <summary>Reads {name: number | string}; anything else is a problem named features.&lt;name&gt;.</summary>
    public static Dictionary<string, FeatureValue> ReadFeatures(IReadOnlyDictionary<string, JsonElement> features, List<InvalidParam> problems)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(problems);
        var values = new Dictionary<string, FeatureValue>(features.Count, StringComparer.Ordinal);
        foreach (var (name, element) in features)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number when element.TryGetDouble(out var number):
                    values[name] = FeatureValue.FromNumber(number);
                    break;
                case JsonValueKind.String:
                    values[name] = FeatureValue.FromCategory(element.GetString()!);
                    break;
                default:
                    problems.Add(new InvalidParam("features." + name, "wrong-type", "Expected a number or a string."));
                    break;
            }
        }

        return values;
    }

    /// <summary>Only the features that took part in the distance are kept (data minimisation).</summary>
    public static string Store(ProfileSpace space, IReadOnlyDictionary<string, FeatureValue> features)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(features);
        var kept = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var feature in space.Features)
        {
            if (feature.InDistance && features.TryGetValue(feature.Name, out var value))
            {
                kept[feature.Name] = value.IsNumeric ? value.Number.GetValueOrDefault() : value.Category!;
            }
        }

        return JsonSerializer.Serialize(kept);
    }

    public static Dictionary<string, FeatureValue> Load(string stored)
    {
        using var document = JsonDocument.Parse(stored);
        var values = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.Number
                ? FeatureValue.FromNumber(property.Value.GetDouble())
                : FeatureValue.FromCategory(property.Value.GetString() ?? "");
        }

        return values;
    }

    /// <summary>Recomputes the advice of a stored assignment: same space and features give the same explanation.</summary>
    public static Explanation? Recompute(PublishedProfileSetModel? model, AssignmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return model is null ? null : Explainer.Explain(model.Space, Load(row.Features)).Explanation;
    }

    public static string StatusOf(AssignmentRow row, SubjectRestriction restriction)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.WithdrawnAt is not null || restriction.HasUpheld)
        {
            return AssignmentStatuses.Withdrawn;
        }

        if (restriction.HasOpen)
        {
            return AssignmentStatuses.Contested;
        }

        return row.DecisionOutcome is null ? AssignmentStatuses.Advice : AssignmentStatuses.Decided;
    }

    /// <summary>The response; the advice itself only when the assignment is in use (not contested, not withdrawn).</summary>
    public static Assignment View(
        AssignmentRow row,
        PublishedProfileSetModel? model,
        Explanation? explanation,
        Language language,
        SubjectRestriction restriction,
        ObjectionRow? latestObjection)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = StatusOf(row, restriction);
        var given = status is AssignmentStatuses.Advice or AssignmentStatuses.Decided && model is not null && explanation is not null;
        var decision = row.DecisionOutcome is null ? null : new AssignmentDecisionView
        {
            Outcome = row.DecisionOutcome,
            Reasoning = row.DecisionReasoning ?? "",
            DecidedAt = row.DecidedAt.GetValueOrDefault(),
            UserId = row.DecidedByUserId,
            UserRepresentation = row.DecidedByUserRepresentation,
            ClientId = row.DecidedByClientId ?? "",
        };
        var objection = latestObjection is null ? null : new ObjectionState
        {
            Id = latestObjection.Id,
            Kind = latestObjection.Kind,
            Status = latestObjection.Status,
            CreatedAt = latestObjection.CreatedAt,
            ReviewedAt = latestObjection.ReviewedAt,
        };
        var notice = Notice(language);
        if (!given)
        {
            return new Assignment
            {
                Id = row.Id, Status = status, ProfileSetId = row.ProfileSetId, Notice = notice, Decision = decision,
                Objection = objection, CreatedAt = row.CreatedAt,
            };
        }

        var space = model!.Space;
        var rendered = ExplanationText.Render(space, explanation!, language);
        var outflow = Domain.Reporting.OutflowText.Sentence(model.Outflow?.GetValueOrDefault(explanation!.ProfileId), language);

        // The decisions are the exact explanation's; every number returned goes through the disclosure rules.
        var figures = PublishedAdvice.Of(space, explanation!, model.Disclosure);
        return new Assignment
        {
            Id = row.Id,
            Status = status,
            ProfileSetId = row.ProfileSetId,
            ProfileId = explanation!.ProfileId,
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

    public static AdviceNotice Notice(Language language) => language == Language.English
        ? new AdviceNotice
        {
            Advice = "This is advice, not a decision. A person decides, looks at the client's own situation and may deviate from it.",
            RightToObject = "The client may object at any time: \u201cThis is not me\u201d or \u201cI don't want this\u201d. While an objection is open, the advice is not given.",
        }
        : new AdviceNotice
        {
            Advice = "Dit is een advies, geen besluit. Een medewerker beslist, kijkt naar de eigen situatie van de cli\u00ebnt en mag van het advies afwijken.",
            RightToObject = "De cli\u00ebnt mag altijd bezwaar maken: \u201cDit ben ik niet\u201d of \u201cIk wil dit niet\u201d. Zolang een bezwaar open staat, wordt het advies niet gegeven.",
        };

    public static string NameOf(ProfileSpace space, Guid profileId, Language language)
    {
        ArgumentNullException.ThrowIfNull(space);
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

    public static JsonElement Json(FeatureValue value) =>
        value.IsNumeric ? JsonSerializer.SerializeToElement(value.Number.GetValueOrDefault()) : JsonSerializer.SerializeToElement(value.Category);
}
