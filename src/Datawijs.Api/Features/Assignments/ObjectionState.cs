using Datawijs.Data.Objections;

namespace Datawijs.Api.Features.Assignments;

public sealed class ObjectionState
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>open, upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    public static ObjectionState From(ObjectionRow objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return new ObjectionState
        {
            Id = objection.Id,
            Kind = objection.Kind,
            Status = objection.Status,
            CreatedAt = objection.CreatedAt,
            ReviewedAt = objection.ReviewedAt,
        };
    }
}
