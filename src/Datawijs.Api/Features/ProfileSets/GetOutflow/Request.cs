using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.GetOutflow;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>profile (the default): one curve per profile; or the name of a categorical feature of the dataset (e.g. a provision): one curve per value.</summary>
    public string? By { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.By).MaximumLength(64);
        }
    }
}
