using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Organisations.Update;

/// <summary>Only the fields sent are changed. Send an empty region to clear it.</summary>
public sealed class Request
{
    public Guid Id { get; set; }

    public string? Name { get; set; }

    /// <summary>municipality, department, partner or other.</summary>
    public string? Kind { get; set; }

    public int? Inhabitants { get; set; }

    public string? Region { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null).MaximumLength(200).IsPlainText();
            RuleFor(x => x.Kind).IsOneOf(OrganisationKinds.All);
            RuleFor(x => x.Inhabitants).InclusiveBetween(0, 50_000_000);
            RuleFor(x => x.Region).MaximumLength(100).IsPlainText();
        }
    }
}
