using FluentValidation.Results;

namespace Datawijs.Api.Features.Datasets.Create;

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
