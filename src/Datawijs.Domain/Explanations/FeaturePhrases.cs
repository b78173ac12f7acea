using System.Globalization;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// How a citizen's value of one feature is written: as a value ("€ 14.500"), as a sentence about them
/// ("U krijgt jeugdzorg.") and as a clause after "Als" ("u geen jeugdzorg had gekregen"). A dataset can
/// declare the sentences per value (<see cref="ValuePhrase"/>); without them each kind of feature has a
/// default that is correct Dutch and English:
/// <list type="bullet">
/// <item>yes/no features (values yes/no, ja/nee or true/false): "U heeft {label}." / "U heeft geen {label}.";</item>
/// <item>other categories: "Uw {label} is {value}." with the value's label, which carries its article ("een huurhuis");</item>
/// <item>numbers: "Uw {label} is {value}.", written per <see cref="FeatureUnits"/>: "€ 14.500", "35 jaar", "6 maanden".</item>
/// </list>
/// </summary>
public static class FeaturePhrases
{
    private static readonly NumberFormatInfo DutchNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    private static readonly (string Yes, string No)[] YesNoCodes = [("yes", "no"), ("ja", "nee"), ("true", "false")];

    /// <summary>The value as people read it: a number in the language's format with its unit, or the category's label.</summary>
    public static string Value(ProfileSpace space, string feature, FeatureValue value, Language language)
    {
        ArgumentNullException.ThrowIfNull(space);
        return value.IsNumeric
            ? Number(value.Number.GetValueOrDefault(), space.WordingOf(feature)?.Unit, language)
            : space.LabelOf(feature, value.Category ?? "", language);
    }

    /// <summary>A whole sentence about the citizen's value, ending in a full stop.</summary>
    public static string Statement(ProfileSpace space, string feature, FeatureValue value, Language language)
    {
        ArgumentNullException.ThrowIfNull(space);
        var nl = language == Language.Dutch;
        var wording = space.WordingOf(feature);
        if (!value.IsNumeric && wording?.Phrases is { } phrases && phrases.TryGetValue(value.Category!, out var phrase))
        {
            return phrase.Statement.In(language);
        }

        var label = space.LabelOf(feature, language);
        if (!value.IsNumeric && YesNo(space.FeatureNamed(feature), value.Category!) is { } yes)
        {
            return (nl, yes) switch
            {
                (true, true) => $"U heeft {label}.",
                (true, false) => $"U heeft geen {label}.",
                (false, true) => $"You have {label}.",
                _ => $"You do not have {label}.",
            };
        }

        return (nl ? "Uw " : "Your ") + label + " is " + Value(space, feature, value, language) + ".";
    }

    /// <summary>
    /// The clause after "Als" / "If" (or "Stel dat" / "Suppose") that says the citizen's value had been
    /// <paramref name="value"/>: no capital at the start (unless the phrase has one), no full stop.
    /// </summary>
    public static string Condition(ProfileSpace space, string feature, FeatureValue value, Language language)
    {
        ArgumentNullException.ThrowIfNull(space);
        var nl = language == Language.Dutch;
        var wording = space.WordingOf(feature);
        if (!value.IsNumeric && wording?.Phrases is { } phrases && phrases.TryGetValue(value.Category!, out var phrase))
        {
            return phrase.Condition.In(language);
        }

        var label = space.LabelOf(feature, language);
        if (!value.IsNumeric && YesNo(space.FeatureNamed(feature), value.Category!) is { } yes)
        {
            return (nl, yes) switch
            {
                (true, true) => $"u {label} had gehad",
                (true, false) => $"u geen {label} had gehad",
                (false, true) => $"you had had {label}",
                _ => $"you had not had {label}",
            };
        }

        var shown = Value(space, feature, value, language);
        return nl ? $"uw {label} {shown} was geweest" : $"your {label} had been {shown}";
    }

    /// <summary>A number as people write it in <paramref name="language"/>, with its unit (<see cref="FeatureUnits"/>) when it has one.</summary>
    public static string Number(double value, string? unit, Language language)
    {
        var nl = language == Language.Dutch;
        var format = nl ? DutchNumbers : NumberFormatInfo.InvariantInfo;
        var plain = value.ToString("#,0.##", format);
        var one = Math.Abs(value - 1) < 1e-9;
        return unit switch
        {
            // Whole euros without cents; an amount with cents shows both digits ("€ 14.500,50").
            FeatureUnits.Euro => (nl ? "€ " : "€") + value.ToString(value == Math.Floor(value) ? "#,0" : "#,0.00", format),
            FeatureUnits.Years => plain + (nl ? " jaar" : one ? " year" : " years"),
            FeatureUnits.Months => plain + (nl ? (one ? " maand" : " maanden") : one ? " month" : " months"),
            _ => plain,
        };
    }

    /// <summary>True or false for the yes or no value of a yes/no feature; null for any other feature or value.</summary>
    public static bool? YesNo(FeatureDefinition? feature, string value)
    {
        if (feature?.Values is not { Count: 2 } values)
        {
            return null;
        }

        foreach (var (yes, no) in YesNoCodes)
        {
            var declared = values.Any(v => string.Equals(v, yes, StringComparison.OrdinalIgnoreCase))
                           && values.Any(v => string.Equals(v, no, StringComparison.OrdinalIgnoreCase));
            if (declared)
            {
                return string.Equals(value, yes, StringComparison.OrdinalIgnoreCase) ? true
                    : string.Equals(value, no, StringComparison.OrdinalIgnoreCase) ? false
                    : null;
            }
        }

        return null;
    }
}
