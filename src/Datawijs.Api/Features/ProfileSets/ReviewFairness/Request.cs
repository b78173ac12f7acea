using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.ReviewFairness;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>
    /// Why the over-representation the check found is acceptable, or what was done about it: 20–2000 characters
    /// besides surrounding spaces, in words (at least 10 letters and at least 3 words). It is published with the
    /// set, on the public page and in the register entry: write it for the public, without names of people and
    /// without figures about the profiles.
    /// </summary>
    public string? Reasoning { get; set; }

    public const int MinimumReasoningLength = 20;
    public const int MaximumReasoningLength = 2000;
    public const int MinimumReasoningLetters = 10;
    public const int MinimumReasoningWords = 3;

    /// <summary>Whether a reasoning is made of words: enough letters, in enough words (a word holds at least two letters).</summary>
    public static bool HasWords(string reasoning)
    {
        ArgumentNullException.ThrowIfNull(reasoning);
        var letters = reasoning.Count(char.IsLetter);
        var words = reasoning.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Count(char.IsLetter) >= 2);
        return letters >= MinimumReasoningLetters && words >= MinimumReasoningWords;
    }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            // MinimumLength states the rule in the contract; the second rule keeps padding with spaces from passing it,
            // the third punctuation or a single long token.
            RuleFor(x => x.Reasoning).NotEmpty()
                .MinimumLength(MinimumReasoningLength)
                .MaximumLength(MaximumReasoningLength)
                .IsPlainText();
            RuleFor(x => x.Reasoning)
                .Must(r => r!.Trim().Length >= MinimumReasoningLength)
                .When(x => x.Reasoning is { Length: >= MinimumReasoningLength })
                .WithErrorCode("too-short")
                .WithMessage($"'reasoning' must give a real reason: at least {MinimumReasoningLength} characters besides surrounding spaces.");
            RuleFor(x => x.Reasoning)
                .Must(r => HasWords(r!))
                .When(x => x.Reasoning is { } r && r.Trim().Length >= MinimumReasoningLength)
                .WithErrorCode("no-words")
                .WithMessage($"'reasoning' must give a real reason in words: at least {MinimumReasoningLetters} letters in at least {MinimumReasoningWords} words.");
        }
    }
}
