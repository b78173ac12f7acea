using Datawijs.Api.Features.Objections;
using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Citizen.Objection;

public sealed class Request
{
    /// <summary>The logged-in citizen's identifier. Pseudonymised on arrival: never stored, logged or returned.</summary>
    public string? SubjectId { get; set; }

    /// <summary>notMe ("Dit ben ik niet") or doNotWant ("Ik wil dit niet").</summary>
    public string? Kind { get; set; }

    /// <summary>The citizen's own words; optional.</summary>
    public string? Message { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.SubjectId).NotEmpty().MaximumLength(100).IsPlainText();
            RuleFor(x => x.Kind).NotEmpty().IsOneOf(ObjectionKinds.All);
            RuleFor(x => x.Message).MaximumLength(2000).IsPlainText();
        }
    }
}
