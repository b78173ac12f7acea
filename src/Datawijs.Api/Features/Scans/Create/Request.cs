using Datawijs.Api.Validation;
using Datawijs.Domain.Maturity;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Scans.Create;

public sealed class Request
{
    /// <summary>The organisation that is scanned.</summary>
    public Guid Id { get; set; }

    /// <summary>The maturity model (questionnaire) the scan pins, e.g. dmm-full-v1.</summary>
    public string? ModelId { get; set; }

    /// <summary>Optional target level (1–5) per category id; advice is ordered by the gap to it.</summary>
    public Dictionary<string, int>? Targets { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ModelId).NotEmpty().IsOneOf(DefaultMaturityModels.All.Select(m => m.Id).ToList());
        }
    }
}
