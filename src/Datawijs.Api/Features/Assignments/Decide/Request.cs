using Datawijs.Api.Validation;
using Datawijs.Domain.Assignments;
using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Assignments.Decide;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>follows (the case worker follows the advice) or deviates.</summary>
    public string? Outcome { get; set; }

    /// <summary>The case worker's own reasoning; required.</summary>
    public string? Reasoning { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Outcome).NotEmpty().IsOneOf(DecisionOutcomes.All);
            RuleFor(x => x.Reasoning).NotEmpty().MaximumLength(4000).IsPlainText();
        }
    }
}
