using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.ReviewFairness;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>
    /// Why the over-representation the check found is acceptable, or what was done about it (20–2000 characters).
    /// It is published with the set, on the public page and in the register entry: write it for the public,
    /// without names of people.
    /// </summary>
    public string? Reasoning { get; set; }

    public const int MinimumReasoningLength = 20;
    public const int MaximumReasoningLength = 2000;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            // MinimumLength states the rule in the contract; the second rule keeps padding with spaces from passing it.
            RuleFor(x => x.Reasoning).NotEmpty()
                .MinimumLength(MinimumReasoningLength)
                .MaximumLength(MaximumReasoningLength)
                .IsPlainText();
            RuleFor(x => x.Reasoning)
                .Must(r => r!.Trim().Length >= MinimumReasoningLength)
                .When(x => x.Reasoning is { Length: >= MinimumReasoningLength })
                .WithErrorCode("too-short")
                .WithMessage($"'reasoning' must give a real reason: at least {MinimumReasoningLength} characters besides surrounding spaces.");
        }
    }
}
