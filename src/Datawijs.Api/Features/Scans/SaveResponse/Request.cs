using Datawijs.Api.Validation;
using Datawijs.Domain.Privacy;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Scans.SaveResponse;

/// <summary>
/// One respondent's answers; a second PUT replaces them. Every answer problem (unknown question,
/// value outside 1–5, a question answered twice, value and notApplicable both or neither) is
/// reported at once.
/// </summary>
public sealed class Request
{
    public Guid ScanId { get; set; }

    /// <summary>A pseudonymous label chosen by the caller (letters, digits, '.', '_', '-'; at most 64); never a name or personal number (a BSN-like 8 or 9 digits passing the eleven-test is refused).</summary>
    public string RespondentId { get; set; } = "";

    /// <summary>Optional role of the respondent, e.g. "beleidsmedewerker".</summary>
    public string? Role { get; set; }

    public List<QuestionAnswer>? Answers { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.RespondentId).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._-]+$")
                .WithMessage("'respondentId' may contain only letters, digits, '.', '_' and '-'.")
                .Must(id => !PersonalNumbers.LooksLikeBsn(id)).WithErrorCode("personal-identifier")
                .WithMessage("'respondentId' looks like a BSN. Use a pseudonymous label: a personal number never goes in a URL.");
            RuleFor(x => x.Role).MaximumLength(100).IsPlainText();
            RuleFor(x => x.Answers).NotNull();
        }
    }
}
