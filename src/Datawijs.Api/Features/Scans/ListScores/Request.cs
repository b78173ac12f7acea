using Datawijs.Api.Validation;
using Datawijs.Domain.Maturity;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class Request
{
    /// <summary>Only scans of this model.</summary>
    public string? ModelId { get; set; }

    /// <summary>Only scans completed at or after this instant (RFC 3339).</summary>
    public DateTimeOffset? CompletedSince { get; set; }

    /// <summary>Page size, 1 to 500 (scans, not CSV rows).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>next</c> value of the previous page (JSON) or of the Link header (CSV).</summary>
    public string? Cursor { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ModelId).IsOneOf(DefaultMaturityModels.All.Select(m => m.Id).ToList());
            RuleFor(x => x.Limit).InclusiveBetween(1, 500);
            RuleFor(x => x.Cursor).IsPageCursor();
        }
    }
}
