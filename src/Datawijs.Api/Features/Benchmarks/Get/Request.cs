using Datawijs.Api.Features.Scans;
using Datawijs.Api.Validation;
using Datawijs.Domain.Maturity;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Benchmarks.Get;

public sealed class Request
{
    /// <summary>The maturity model, e.g. dmm-full-v1.</summary>
    public string? ModelId { get; set; }

    /// <summary>The peer group (default all): all, kind:{kind} or size:{CBS size class}.</summary>
    public string? Group { get; set; }

    /// <summary>nl (default) or en.</summary>
    [FromHeader("Accept-Language", isRequired: false)]
    public string? AcceptLanguage { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ModelId).NotEmpty().IsOneOf(DefaultMaturityModels.All.Select(m => m.Id).ToList());
            RuleFor(x => x.Group).IsPeerGroup();
        }
    }
}
