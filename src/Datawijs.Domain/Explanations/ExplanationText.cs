using System.Text;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// Writes an <see cref="Explanation"/> in Dutch at B1 level (default) or in English: short
/// sentences, common words, "u". Separate from <see cref="Explainer.Explain"/> so that the
/// numeric part stays fast and text is only made when someone reads it.
/// </summary>
public static class ExplanationText
{
    /// <summary>How many features are named as the reasons for the advice.</summary>
    private const int ReasonCount = 3;

    /// <summary>A squared standardised difference below this (half a standard deviation) is "close".</summary>
    private const double CloseTerm = 0.25;

    /// <summary>
    /// Writes the explanation for the citizen (or the case worker) in <paramref name="language"/>.
    /// The explanation must come from <see cref="Explainer.Explain"/> on the same <paramref name="space"/>.
    /// </summary>
    public static RenderedExplanation Render(ProfileSpace space, Explanation explanation, Language language = Language.Dutch)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(explanation);
        var nl = language == Language.Dutch;
        var profile = ProfileOf(space, explanation.ProfileId);
        var runnerUp = ProfileOf(space, explanation.RunnerUpProfileId);

        var advice = new StringBuilder();
        advice.Append(nl ? "Het advies is het profiel " : "The advice is the profile ")
              .Append(Quote(profile.Name.In(language))).Append('.');
        if (profile.Description is { } description)
        {
            advice.Append(' ').Append(description.In(language).Trim());
        }

        advice.Append(nl ? " Dit is een advies. Het is geen besluit." : " This is advice. It is not a decision.");

        return new RenderedExplanation(
            advice.ToString(),
            Reasons(space, explanation, language),
            DataUsed(space, explanation, language),
            Certainty(explanation, runnerUp, language),
            Alternative(space, explanation, language),
            nl
                ? "Een medewerker beslist, niet de computer. Die kijkt ook naar uw eigen situatie. "
                  + "Die mag anders besluiten dan dit advies."
                : "A person decides, not the computer. That person also looks at your own situation. "
                  + "They may decide differently from this advice.",
            nl
                ? "Past dit profiel niet bij u? Zeg dan: \u201cDit ben ik niet\u201d. "
                  + "Wilt u niet dat wij dit profiel gebruiken? Zeg dan: \u201cIk wil dit niet\u201d. "
                  + "Een medewerker bekijkt dan uw reactie. Zolang dat duurt, gebruiken wij het advies niet."
                : "Does this profile not fit you? Then say: \u201cThis is not me\u201d. "
                  + "Do you not want us to use this profile? Then say: \u201cI don't want this\u201d. "
                  + "A person will then look at your response. Until they have, we do not use the advice.");
    }

    private static string Reasons(ProfileSpace space, Explanation explanation, Language language)
    {
        var profile = ProfileOf(space, explanation.ProfileId);
        var nl = language == Language.Dutch;
        var contributions = explanation.Contributions;

        // What weighed most for this profile rather than the runner-up: how much closer the
        // subject is to this profile on the feature. Ties keep the listed order.
        var picked = new List<Contribution>(ReasonCount);
        for (var n = 0; n < ReasonCount; n++)
        {
            Contribution? best = null;
            foreach (var c in contributions)
            {
                var pull = c.RunnerUpTerm - c.Term;
                if (pull > 0 && !picked.Contains(c) && (best is null || pull > best.RunnerUpTerm - best.Term))
                {
                    best = c;
                }
            }

            if (best is null)
            {
                break;
            }

            picked.Add(best);
        }

        var text = new StringBuilder(nl ? "Deze gegevens wogen het zwaarst." : "These details weighed most.");
        if (picked.Count == 0)
        {
            text.Clear().Append(nl
                ? "Geen gegeven wees duidelijk naar dit profiel."
                : "No detail pointed clearly to this profile.");
        }

        foreach (var c in picked)
        {
            text.Append(' ').Append(FeaturePhrases.Statement(space, c.Feature, c.SubjectValue, language));
            if (c.Type == FeatureType.Numeric)
            {
                // The profile's value as published (its rounded median), never its exact centre.
                if (Disclosure.PublishedAdvice.ProfileValue(profile, c.Feature, c.ProfileValue) is { Number: { } shown })
                {
                    text.Append(nl ? " Bij dit profiel is dat ongeveer " : " In this profile it is about ")
                        .Append(FeaturePhrases.Value(space, c.Feature, FeatureValue.FromNumber(shown), language)).Append('.');
                }
                if (c.Term < CloseTerm)
                {
                    text.Append(nl ? " Dat ligt dicht bij elkaar." : " That is close.");
                }
            }
            else
            {
                text.Append(nl ? " Dat past bij dit profiel." : " That fits this profile.");
            }
        }

        // The feature that fits least, so that the citizen can judge "this is not me".
        if (contributions.Count > 0 && contributions[0].Term > 0 && !picked.Contains(contributions[0]))
        {
            text.Append(nl ? " Uw gegevens over " : " Your details on ")
                .Append(space.LabelOf(contributions[0].Feature, language))
                .Append(nl ? " passen het minst bij dit profiel." : " fit this profile least.");
        }

        return text.ToString();
    }

    private static string DataUsed(ProfileSpace space, Explanation explanation, Language language)
    {
        var nl = language == Language.Dutch;
        var text = new StringBuilder(nl ? "Wij keken alleen naar deze dingen van u. " : "We only looked at these details of yours. ");
        // Declaration order, not weight order: this is an inventory, not a ranking.
        var first = true;
        var remaining = explanation.Contributions.Count;
        foreach (var feature in space.Features)
        {
            if (!feature.InDistance)
            {
                continue;
            }

            var label = space.LabelOf(feature.Name, language);
            remaining--;
            if (first)
            {
                text.Append(Capitalise(label));
                first = false;
            }
            else
            {
                text.Append(remaining == 0 ? (nl ? " en " : " and ") : ", ").Append(label);
            }
        }

        text.Append(nl ? ". Naar iets anders keken wij niet." : ". We did not look at anything else.");
        return text.ToString();
    }

    private static string Certainty(Explanation explanation, PublishedProfile runnerUp, Language language)
    {
        var name = Quote(runnerUp.Name.In(language));
        if (language == Language.Dutch)
        {
            return explanation.Uncertain
                ? $"Het profiel {name} past bijna even goed. Het advies is daarom onzeker."
                : $"Het profiel {name} past minder goed. Het verschil is duidelijk.";
        }

        return explanation.Uncertain
            ? $"The profile {name} fits almost as well. So the advice is uncertain."
            : $"The profile {name} fits less well. The difference is clear.";
    }

    private static string Alternative(ProfileSpace space, Explanation explanation, Language language)
    {
        var nl = language == Language.Dutch;
        if (explanation.Counterfactuals.Count == 0)
        {
            return nl
                ? "Een kleine verandering in uw gegevens geeft geen ander profiel. Wij kijken alleen naar gegevens die kunnen veranderen."
                : "A small change in your details does not give another profile. We only look at details that can change.";
        }

        // First what is true now, in sentences about the citizen; then the condition: "Als …, dan had u het advies … gekregen".
        var counterfactual = explanation.Counterfactuals[0];
        var target = Quote(ProfileOf(space, counterfactual.ProfileId).Name.In(language));
        var text = new StringBuilder();
        foreach (var change in counterfactual.Changes)
        {
            text.Append(FeaturePhrases.Statement(space, change.Feature, change.From, language)).Append(' ');
        }

        if (counterfactual.Changes.Count == 1)
        {
            var condition = FeaturePhrases.Condition(space, counterfactual.Changes[0].Feature, counterfactual.Changes[0].To, language);
            text.Append(nl
                ? $"Als {condition}, dan had u het advies {target} gekregen."
                : $"If {condition}, the advice would have been {target}.");
            return text.ToString();
        }

        // Several changes: one short sentence each, so that no sentence gets long.
        for (var i = 0; i < counterfactual.Changes.Count; i++)
        {
            var condition = FeaturePhrases.Condition(space, counterfactual.Changes[i].Feature, counterfactual.Changes[i].To, language);
            text.Append((i, nl) switch
            {
                (0, true) => $"Stel dat {condition}. ",
                (_, true) => $"Stel ook dat {condition}. ",
                (0, false) => $"Suppose {condition}. ",
                _ => $"Suppose also that {condition}. ",
            });
        }

        text.Append(nl ? $"Dan had u het advies {target} gekregen." : $"Then the advice would have been {target}.");
        return text.ToString();
    }

    private static PublishedProfile ProfileOf(ProfileSpace space, Guid id)
    {
        var index = space.IndexOfProfile(id);
        if (index < 0)
        {
            throw new ArgumentException($"Profile {id} is not in this profile space.", nameof(id));
        }

        return space.Profiles[index];
    }

    private static string Quote(string text) => $"\u2018{text}\u2019";

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

}
