using System.Text.RegularExpressions;
using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;

namespace Datawijs.Api.Features.Datasets.Create;

public sealed partial class Request
{
    public string? Name { get; set; }

    /// <summary>Why the data is processed (shown in the public description of the profiles).</summary>
    public string? Purpose { get; set; }

    /// <summary>The declared features, in upload column order for NDJSON members and CSV headers alike (any order is accepted on upload).</summary>
    public List<DatasetFeatureInput>? Features { get; set; }

    /// <summary>
    /// What the uploads' subject ids are: bsn (the default; digits only, left-padded to nine, eleven-test checked,
    /// so every way of writing one BSN gives one pseudonym) or other (e.g. a client number: trimmed and lower-cased).
    /// </summary>
    public string? SubjectIdKind { get; set; }

    /// <summary>The last day the records may be kept (a date, today or later).</summary>
    public DateOnly? RetentionUntil { get; set; }

    /// <summary>
    /// The unit of the outflow outcome's duration: months, weeks or days. Required when a feature has role
    /// duration, and only then.
    /// </summary>
    public string? DurationUnit { get; set; }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    internal static partial Regex FeatureName();

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200).IsPlainText();
            RuleFor(x => x.Purpose).NotEmpty().MaximumLength(2000).IsPlainText();
            RuleFor(x => x.SubjectIdKind).IsOneOf(["bsn", "other"]);
            // Checked here with the other rules, so that a past date is reported together with every other problem.
            RuleFor(x => x.RetentionUntil).NotNull()
                .Must(d => d is null || d >= DateOnly.FromDateTime(Resolve<TimeProvider>().GetUtcNow().UtcDateTime))
                .WithErrorCode("minimum").WithMessage("'retentionUntil' must be today or later.");
            RuleFor(x => x.Features).NotEmpty()
                .Must(f => f is null || f.Count <= 100).WithErrorCode("max-items").WithMessage("At most 100 features.")
                .Must(f => f is null || f.Select(x => x?.Name).Where(n => n is not null).Distinct(StringComparer.OrdinalIgnoreCase).Count() == f.Count(x => x?.Name is not null))
                .WithErrorCode("duplicate").WithMessage("Feature names must be unique (ignoring case).");
            RuleForEach(x => x.Features).NotNull().WithErrorCode("required").WithMessage("A feature is an object, not null.")
                .SetValidator(new FeatureValidator());
            RuleFor(x => x.DurationUnit).IsOneOf(FeatureNames.DurationUnits);
            RuleFor(x => x).Custom((request, context) => AddOutcomeProblems(request, context));
        }

        // An outflow outcome is one duration and one event feature together, with the duration's unit.
        private static void AddOutcomeProblems(Request request, FluentValidation.ValidationContext<Request> context)
        {
            var features = request.Features ?? [];
            var durations = features.Select((f, i) => (f, i)).Where(x => x.f?.Role == "duration").ToList();
            var events = features.Select((f, i) => (f, i)).Where(x => x.f?.Role == "event").ToList();
            foreach (var (role, list) in new[] { ("duration", durations), ("event", events) })
            {
                foreach (var (_, i) in list.Skip(1))
                {
                    context.AddFailure(new ValidationFailure($"features[{i}].role", $"Only one feature can have role '{role}'.") { ErrorCode = "outcome-duplicate" });
                }
            }

            if (durations.Count > 0 && events.Count == 0)
            {
                context.AddFailure(new ValidationFailure($"features[{durations[0].i}].role", "A duration needs a feature with role 'event' that says whether the household left.") { ErrorCode = "outcome-incomplete" });
            }

            if (events.Count > 0 && durations.Count == 0)
            {
                context.AddFailure(new ValidationFailure($"features[{events[0].i}].role", "An event needs a feature with role 'duration' that gives the time to outflow.") { ErrorCode = "outcome-incomplete" });
            }

            if (durations.Count > 0 && string.IsNullOrEmpty(request.DurationUnit))
            {
                context.AddFailure(new ValidationFailure("durationUnit", "A dataset with a duration gives its unit: months, weeks or days.") { ErrorCode = "required" });
            }

            if (durations.Count == 0 && request.DurationUnit is not null)
            {
                context.AddFailure(new ValidationFailure("durationUnit", "Only a dataset with a feature of role 'duration' has a duration unit.") { ErrorCode = "not-allowed" });
            }
        }
    }

    private sealed class FeatureValidator : AbstractValidator<DatasetFeatureInput>
    {
        public FeatureValidator()
        {
            RuleFor(x => x.Name).NotEmpty()
                .Must(n => n is null || FeatureName().IsMatch(n)).WithErrorCode("pattern")
                .WithMessage("A feature name starts with a letter and has at most 64 letters, digits or underscores.")
                .Must(n => !string.Equals(n, "subjectId", StringComparison.OrdinalIgnoreCase)).WithErrorCode("reserved")
                .WithMessage("'subjectId' is the column of the pseudonymised subject, not a feature.");
            RuleFor(x => x.Type).NotEmpty().IsOneOf(FeatureNames.Types);
            RuleFor(x => x.Role).NotEmpty().IsOneOf(FeatureNames.Roles);
            RuleFor(x => x.Mutable).NotNull();
            RuleFor(x => x.Values).NotEmpty().When(x => x.Type == "categorical")
                .WithMessage("A categorical feature lists its allowed values.");
            RuleFor(x => x.Values)
                .Must(v => v is null || v.Count <= 100).WithErrorCode("max-items").WithMessage("At most 100 values.")
                .Must(v => v is null || v.Distinct(StringComparer.Ordinal).Count() == v.Count)
                .WithErrorCode("duplicate").WithMessage("Each value is listed once.")
                .Must(v => v is null || v.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 100 && s == s.Trim() && !s.Any(Validation.DisplayText.IsUnsafe)))
                .WithErrorCode("invalid").WithMessage("Values are 1 to 100 characters, without surrounding spaces or control characters.");
            RuleFor(x => x.Values).Null().When(x => x.Type == "numeric").WithMessage("A numeric feature has no values; use min and max.");
            RuleFor(x => x.Min).Null().When(x => x.Type == "categorical").WithMessage("Only a numeric feature has a range.");
            RuleFor(x => x.Max).Null().When(x => x.Type == "categorical").WithMessage("Only a numeric feature has a range.");
            RuleFor(x => x.Max).GreaterThanOrEqualTo(x => x.Min).When(x => x.Min is not null && x.Max is not null);
            RuleFor(x => x.WholeNumber).Must(w => w != true).When(x => x.Type == "categorical").WithErrorCode("not-allowed")
                .WithMessage("Only a numeric feature can be declared as a whole number.");
            RuleFor(x => x.Label).Custom((label, context) =>
            {
                if (label is not null)
                {
                    LabelText.AddProblems(context, context.PropertyPath, label);
                }
            });
            RuleFor(x => x.Type).Equal("numeric").When(x => x.Role == "duration" && x.Type is "categorical")
                .WithErrorCode("outcome-type").WithMessage("A feature with role 'duration' is numeric.");
            RuleFor(x => x.Type).Equal("categorical").When(x => x.Role == "event" && x.Type is "numeric")
                .WithErrorCode("outcome-type").WithMessage("A feature with role 'event' is categorical.");
            RuleFor(x => x.EventValue).NotEmpty().When(x => x.Role == "event")
                .WithMessage("A feature with role 'event' names the declared value that means the household left.");
            RuleFor(x => x.EventValue)
                .Must((f, v) => f.Values is not null && f.Values.Contains(v!, StringComparer.Ordinal))
                .When(x => x.Role == "event" && !string.IsNullOrEmpty(x.EventValue) && x.Type == "categorical")
                .WithErrorCode("unknown-value").WithMessage("'eventValue' must be one of the declared values.");
            RuleFor(x => x.EventValue).Null().When(x => x.Role != "event")
                .WithErrorCode("not-allowed").WithMessage("Only a feature with role 'event' has an event value.");
            RuleFor(x => x.ValueLabels).Null().When(x => x.Type == "numeric").WithMessage("Only a categorical feature has value labels.");
            RuleFor(x => x.Unit).IsOneOf(Domain.Datasets.FeatureUnits.All);
            RuleFor(x => x.Unit).Null().When(x => x.Type == "categorical").WithMessage("Only a numeric feature has a unit.");
            RuleFor(x => x.Phrases).Null().When(x => x.Type == "numeric").WithMessage("Only a categorical feature has phrases per value.");
            RuleFor(x => x.Phrases).Custom((phrases, context) =>
            {
                var feature = context.InstanceToValidate;
                if (phrases is null || feature.Type != "categorical")
                {
                    return;
                }

                if (phrases.Count > 100)
                {
                    context.AddFailure(new ValidationFailure(context.PropertyPath, "At most 100 phrases.") { ErrorCode = "max-items" });
                    return;
                }

                foreach (var (value, phrase) in phrases)
                {
                    var path = context.PropertyPath + "." + value;
                    if (feature.Values is null || !feature.Values.Contains(value, StringComparer.Ordinal))
                    {
                        context.AddFailure(new ValidationFailure(path, $"'{Shown(value)}' is not one of the declared values; only declared values can have a phrase.") { ErrorCode = "unknown-value" });
                        continue;
                    }

                    PhraseText.AddProblems(context, path, phrase);
                }
            });
            RuleFor(x => x.ValueLabels).Custom((labels, context) =>
            {
                var feature = context.InstanceToValidate;
                if (labels is null || feature.Type != "categorical")
                {
                    return;
                }

                if (labels.Count > 100)
                {
                    context.AddFailure(new ValidationFailure(context.PropertyPath, "At most 100 value labels.") { ErrorCode = "max-items" });
                    return;
                }

                foreach (var (value, label) in labels)
                {
                    var path = context.PropertyPath + "." + value;
                    if (feature.Values is null || !feature.Values.Contains(value, StringComparer.Ordinal))
                    {
                        context.AddFailure(new ValidationFailure(path, $"'{Shown(value)}' is not one of the declared values; only declared values can have a label.") { ErrorCode = "unknown-value" });
                        continue;
                    }

                    LabelText.AddProblems(context, path, label);
                }
            });
        }

        // A value that is not declared is echoed in the problem, so keep it short and printable.
        private static string Shown(string value)
        {
            var printable = new string(value.Where(c => !Validation.DisplayText.IsUnsafe(c)).ToArray());
            return printable.Length <= 40 ? printable : printable[..40] + "…";
        }
    }
}

/// <summary>
/// A label people read: required, at most <see cref="MaxLength"/> characters, one line of plain text
/// (no control characters, no surrounding spaces).
/// </summary>
internal static class LabelText
{
    public const int MaxLength = 100;

    /// <summary>Adds the problems of a label's nl and en texts, named <paramref name="path"/>.nl and .en.</summary>
    public static void AddProblems<T>(FluentValidation.ValidationContext<T> context, string path, FeatureLabelInput? label)
    {
        foreach (var problem in Problems(label?.Nl, "nl").Concat(Problems(label?.En, "en")))
        {
            context.AddFailure(new ValidationFailure(path + "." + problem.Language, problem.Message) { ErrorCode = problem.Code });
        }
    }

    private static IEnumerable<(string Language, string Code, string Message)> Problems(string? text, string language)
    {
        var name = "'" + language + "'";
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return (language, "required", name + " must not be empty: a label is given in Dutch and in English.");
            yield break;
        }

        if (text.Length > MaxLength)
        {
            yield return (language, "max-length", $"{name} must be {MaxLength} characters or fewer. You entered {text.Length} characters.");
        }

        if (text.Any(Validation.DisplayText.IsUnsafe))
        {
            yield return (language, "control-characters", name + " must be one line without control characters.");
        }

        if (text != text.Trim())
        {
            yield return (language, "surrounding-spaces", name + " must not start or end with spaces.");
        }
    }
}

/// <summary>
/// The sentences of one value: a statement is a whole sentence ending in '.', '?' or '!'; a condition is the clause
/// after "Als" / "If" and ends without a full stop. Each at most <see cref="MaxLength"/> characters of one line.
/// </summary>
internal static class PhraseText
{
    public const int MaxLength = 200;

    public static void AddProblems<T>(FluentValidation.ValidationContext<T> context, string path, ValuePhraseInput? phrase)
    {
        foreach (var (part, text, sentence) in new[] { ("statement", phrase?.Statement, true), ("condition", phrase?.Condition, false) })
        {
            foreach (var language in new[] { "nl", "en" })
            {
                var value = language == "nl" ? text?.Nl : text?.En;
                var at = $"{path}.{part}.{language}";
                if (string.IsNullOrWhiteSpace(value))
                {
                    context.AddFailure(new ValidationFailure(at, $"'{language}' must not be empty: a phrase has a statement and a condition, each in Dutch and in English.") { ErrorCode = "required" });
                    continue;
                }

                if (value.Length > MaxLength)
                {
                    context.AddFailure(new ValidationFailure(at, $"'{language}' must be {MaxLength} characters or fewer. You entered {value.Length} characters.") { ErrorCode = "max-length" });
                }

                if (value.Any(Validation.DisplayText.IsUnsafe))
                {
                    context.AddFailure(new ValidationFailure(at, $"'{language}' must be one line without control characters.") { ErrorCode = "control-characters" });
                }

                if (value != value.Trim())
                {
                    context.AddFailure(new ValidationFailure(at, $"'{language}' must not start or end with spaces.") { ErrorCode = "surrounding-spaces" });
                }
                else if (sentence && !value.EndsWith('.') && !value.EndsWith('?') && !value.EndsWith('!'))
                {
                    context.AddFailure(new ValidationFailure(at, "A statement is a whole sentence: it ends with '.', '?' or '!'.") { ErrorCode = "sentence" });
                }
                else if (!sentence && char.IsPunctuation(value[^1]) && value[^1] != ')' && value[^1] != '\u2019' && value[^1] != '\u201d')
                {
                    context.AddFailure(new ValidationFailure(at, "A condition is the clause after 'Als' / 'If': it ends without punctuation, e.g. 'u jeugdzorg had gekregen'.") { ErrorCode = "clause" });
                }
            }
        }
    }
}

/// <summary>A feature to declare.</summary>
public sealed class DatasetFeatureInput
{
    public string? Name { get; set; }

    /// <summary>categorical or numeric.</summary>
    public string? Type { get; set; }

    /// <summary>Categorical: the allowed values.</summary>
    public List<string>? Values { get; set; }

    /// <summary>Numeric: the smallest allowed value.</summary>
    public double? Min { get; set; }

    /// <summary>Numeric: the largest allowed value.</summary>
    public double? Max { get; set; }

    /// <summary>
    /// Numeric: true when the feature only takes whole numbers, such as a number of children. Then a row or an
    /// advice request with a fraction (0.5) is refused. Optional; false (any number) when left out.
    /// </summary>
    public bool? WholeNumber { get; set; }

    /// <summary>
    /// clustering, descriptive or protected; or, for the outflow outcome, duration (numeric: time from the start
    /// to outflow, or to the extract date for a household still in) and event (categorical, with eventValue).
    /// Outcome features never take part in the distance, the profiles, the advice or the counterfactuals.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>Role event only: the declared value that means "left"; any other value means still in (censored).</summary>
    public string? EventValue { get; set; }

    /// <summary>Whether the feature can change (e.g. income yes, age no).</summary>
    public bool? Mutable { get; set; }

    /// <summary>What people read instead of the name, in Dutch (B1) and English, e.g. "besteedbaar inkomen" / "disposable income". Optional: without it texts show the name.</summary>
    public FeatureLabelInput? Label { get; set; }

    /// <summary>Categorical: what people read instead of a declared value, by value, e.g. {"socialAssistance": {"nl": "bijstandsuitkering", "en": "social assistance"}}. Optional, per value; a value without a label is shown as it is.</summary>
    public Dictionary<string, FeatureLabelInput>? ValueLabels { get; set; }

    /// <summary>Numeric: what the numbers count, so that text writes them as people do: euro ("€ 14.500"), years ("35 jaar") or months ("6 maanden"). Optional: without it a number is written plainly ("14.500").</summary>
    public string? Unit { get; set; }

    /// <summary>
    /// Categorical: the sentences a citizen reads about their own value, by value, e.g. {"yes": {"statement": {"nl": "U krijgt jeugdzorg.",
    /// "en": "You receive youth care."}, "condition": {"nl": "u jeugdzorg had gekregen", "en": "you had received youth care"}}}. Optional, per
    /// value; without one a default is written ("U heeft jeugdzorg." for a yes/no feature, "Uw woning is een huurhuis." for another category).
    /// </summary>
    public Dictionary<string, ValuePhraseInput>? Phrases { get; set; }
}

/// <summary>How one value reads in a sentence about the citizen: a whole sentence, and the clause after "Als" / "If" for counterfactuals.</summary>
public sealed class ValuePhraseInput
{
    /// <summary>A whole sentence in the present tense, ending in a full stop: "U krijgt jeugdzorg." / "You receive youth care.".</summary>
    public FeatureLabelInput? Statement { get; set; }

    /// <summary>The clause after "Als" / "If", without a full stop: "u jeugdzorg had gekregen" / "you had received youth care".</summary>
    public FeatureLabelInput? Condition { get; set; }
}

/// <summary>A label in Dutch (B1) and English: both required, each at most 100 characters of one-line plain text.</summary>
public sealed class FeatureLabelInput
{
    public string? Nl { get; set; }

    public string? En { get; set; }
}
