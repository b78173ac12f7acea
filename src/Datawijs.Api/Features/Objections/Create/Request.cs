using Datawijs.Api.Validation;
using Datawijs.Domain.Objections;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Objections.Create;

/// <summary>The citizen's objection; who objects is the subject of the verified token, never of the body.</summary>
public sealed class Request
{
    /// <summary>notMe ("Dit ben ik niet") or doNotWant ("Ik wil dit niet").</summary>
    public string? Kind { get; set; }

    /// <summary>The citizen's own words; optional.</summary>
    public string? Message { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotEmpty().IsOneOf(ObjectionKinds.All);
            RuleFor(x => x.Message).MaximumLength(2000).IsPlainText();
        }
    }
}
