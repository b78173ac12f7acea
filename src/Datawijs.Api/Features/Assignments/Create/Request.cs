using System.Text.Json;
using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Assignments.Create;

public sealed class Request
{
    /// <summary>
    /// The subject's BSN. Put in one form first (digits only; spaces, dots and hyphens between them are dropped;
    /// left-padded with zeros to nine; eleven-test checked), so 012345672, 12345672 and "0123 45672" are one person.
    /// Pseudonymised on arrival: never stored, logged or returned.
    /// </summary>
    public string? SubjectId { get; set; }

    /// <summary>The subject's features by name: a number for a numeric feature, a string for a categorical one. Every clustering feature of the published profile set is required; protected features must not be sent.</summary>
    public Dictionary<string, JsonElement>? Features { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.SubjectId).NotEmpty().MaximumLength(100).IsPlainText().IsBsn();
            RuleFor(x => x.Features).NotNull()
                .Must(f => f is null || f.Count <= 100).WithErrorCode("max-items").WithMessage("'Features' may hold at most 100 features.")
                .Must(f => f is null || f.Keys.All(k => k.Length is > 0 and <= 100)).WithErrorCode("invalid").WithMessage("Feature names are 1 to 100 characters.");
        }
    }
}
