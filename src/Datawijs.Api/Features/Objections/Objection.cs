using Datawijs.Data.Objections;

namespace Datawijs.Api.Features.Objections;

/// <summary>A citizen's objection as case workers see it. The subject appears only through the assignment.</summary>
public sealed class Objection
{
    public Guid Id { get; init; }

    /// <summary>The assignment in use when the objection was made; null when there was none.</summary>
    public Guid? AssignmentId { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>The citizen's own words, if any.</summary>
    public string? Message { get; init; }

    /// <summary>open, upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The review; null while open.</summary>
    public ObjectionReviewView? Review { get; init; }

    public static Objection From(ObjectionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Objection
        {
            Id = row.Id,
            AssignmentId = row.AssignmentId,
            Kind = row.Kind,
            Message = row.Message,
            Status = row.Status,
            CreatedAt = row.CreatedAt,
            Review = row.ReviewedAt is not { } reviewedAt ? null : new ObjectionReviewView
            {
                Outcome = row.Status,
                Reasoning = row.ReviewReasoning ?? "",
                ReviewedAt = reviewedAt,
                UserId = row.ReviewedByUserId,
                UserRepresentation = row.ReviewedByUserRepresentation,
                ClientId = row.ReviewedByClientId ?? "",
            },
        };
    }
}
