using Datawijs.Api.Validation;
using Datawijs.Domain.Objections;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Objections.List;

public sealed class Request
{
    /// <summary>open, upheld or rejected; all when not given.</summary>
    public string? Status { get; set; }

    /// <summary>Page size, 1 to 200.</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>next</c> value of the previous page.</summary>
    public string? Cursor { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Status).IsOneOf(ObjectionStatuses.All);
            RuleFor(x => x.Limit).InclusiveBetween(1, 200);
            RuleFor(x => x.Cursor).IsPageCursor();
        }
    }
}
