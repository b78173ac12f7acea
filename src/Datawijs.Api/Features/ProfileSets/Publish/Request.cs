using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.Publish;

public sealed class Request
{
    public Guid Id { get; set; }

    /// <summary>
    /// When the dataset has an outflow outcome: the published curves are shown every this many duration units
    /// (a whole number from 1 to 120). Default: 3 months (13 weeks, 91 days).
    /// </summary>
    [QueryParam]
    public int? OutflowStep { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.OutflowStep).InclusiveBetween(1, 120);
        }
    }
}
