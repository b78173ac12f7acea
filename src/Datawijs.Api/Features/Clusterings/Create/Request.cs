using FastEndpoints;
using FluentValidation;

namespace Datawijs.Api.Features.Clusterings.Create;

/// <summary>Give k, or a range kMin..kMax to choose k from by mean silhouette (default 2..8).</summary>
public sealed class Request
{
    /// <summary>The dataset to cluster.</summary>
    public Guid Id { get; set; }

    /// <summary>A fixed number of clusters (1 to 30, at most the number of records).</summary>
    public int? K { get; set; }

    /// <summary>The smallest k to try when k is not given (2 to 30, default 2): a silhouette needs at least two clusters.</summary>
    public int? KMin { get; set; }

    /// <summary>The largest k to try when k is not given (2 to 30, at most the number of records; default 8, or kMin when that is larger).</summary>
    public int? KMax { get; set; }

    /// <summary>The seed: the same data and seed give the same clusters on every machine (default 20240501).</summary>
    public long? Seed { get; set; }

    /// <summary>Runs with different starting prototypes; the lowest cost is kept (1 to 50, default 5).</summary>
    public int? Restarts { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.K).InclusiveBetween(1, 30);
            RuleFor(x => x.KMin).InclusiveBetween(2, 30);
            RuleFor(x => x.KMax).InclusiveBetween(2, 30);
            RuleFor(x => x.KMax).GreaterThanOrEqualTo(x => x.KMin).When(x => x.KMin is not null && x.KMax is not null);
            RuleFor(x => x.K).Null().When(x => x.KMin is not null || x.KMax is not null)
                .WithErrorCode("exclusive").WithMessage("Give either k or kMin/kMax, not both.");
            RuleFor(x => x.Restarts).InclusiveBetween(1, 50);
        }
    }
}
