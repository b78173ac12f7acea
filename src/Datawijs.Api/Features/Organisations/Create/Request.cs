using Datawijs.Api.Validation;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Organisations.Create;

public sealed class Request
{
    public string? Name { get; set; }

    /// <summary>municipality, department, partner or other.</summary>
    public string? Kind { get; set; }

    /// <summary>Number of inhabitants; required for a municipality (it sets the CBS size class).</summary>
    public int? Inhabitants { get; set; }

    /// <summary>Region, e.g. a province or labour-market region.</summary>
    public string? Region { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200).IsPlainText();
            RuleFor(x => x.Kind).NotEmpty().IsOneOf(OrganisationKinds.All);
            RuleFor(x => x.Inhabitants).InclusiveBetween(0, 50_000_000);
            RuleFor(x => x.Inhabitants).NotNull().When(x => x.Kind == "municipality")
                .WithMessage("'Inhabitants' is required for a municipality.");
            RuleFor(x => x.Region).MaximumLength(100).IsPlainText();
        }
    }
}
