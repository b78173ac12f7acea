using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.ProfileSets.Create;

public sealed class Request
{
    /// <summary>A succeeded clustering of one of the tenant's datasets.</summary>
    public Guid? ClusteringId { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ClusteringId).NotEmpty();
        }
    }
}
