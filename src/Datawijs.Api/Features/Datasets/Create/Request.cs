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
