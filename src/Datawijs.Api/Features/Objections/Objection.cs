using Datawijs.Data.Objections;

namespace Datawijs.Api.Features.Objections;

public static class ObjectionKinds
{
    /// <summary>"Dit ben ik niet": the profile does not fit the subject.</summary>
    public const string NotMe = "notMe";

    /// <summary>"Ik wil dit niet": the subject does not want profiles used for them.</summary>
    public const string DoNotWant = "doNotWant";

    public static readonly IReadOnlyList<string> All = [NotMe, DoNotWant];
}

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

public sealed class ObjectionReviewView
{
    /// <summary>upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("upheld", "rejected")]
    public string Outcome { get; init; } = "";

    public string Reasoning { get; init; } = "";

    public DateTimeOffset ReviewedAt { get; init; }

    public string? UserId { get; init; }

    public string? UserRepresentation { get; init; }

    public string ClientId { get; init; } = "";
}

public sealed class ObjectionList
{
    public IReadOnlyList<Objection> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
