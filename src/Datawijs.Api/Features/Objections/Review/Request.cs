using Datawijs.Api.Validation;
using Datawijs.Domain.Objections;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Objections.Review;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>upheld (the objection is right: profiles are no longer used for this subject) or rejected (the advice may be given again).</summary>
    public string? Outcome { get; set; }

    /// <summary>The reviewer's reasoning; required.</summary>
    public string? Reasoning { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).NotEmpty().IsOneOf(ObjectionStatuses.ReviewOutcomes);
            RuleFor(x => x.Reasoning).NotEmpty().MaximumLength(4000).IsPlainText();
        }
    }
}
