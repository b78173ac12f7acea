using FluentValidation.Results;

namespace Datawijs.Api.Features.Datasets.Create;

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
