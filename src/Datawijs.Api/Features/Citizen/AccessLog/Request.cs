using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Citizen.AccessLog;

public sealed class Request
{
    /// <summary>The logged-in citizen's identifier. Pseudonymised on arrival: never stored, logged or returned.</summary>
    public string? SubjectId { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.SubjectId).NotEmpty().MaximumLength(100).IsPlainText();
        }
    }
}
