namespace Datawijs.Domain.Objections;

/// <summary>A person's review of an open objection.</summary>
/// <param name="Outcome">upheld or rejected.</param>
/// <param name="Reasoning">The reviewer's own reasoning, trimmed; never empty.</param>
/// <param name="ReviewedAt">When the review was made.</param>
/// <param name="ClientId">The application the reviewer used.</param>
/// <param name="UserId">The reviewer.</param>
/// <param name="UserRepresentation">The reviewer's name as the application shows it.</param>
public sealed record ObjectionReview(
    string Outcome,
    string Reasoning,
    DateTimeOffset ReviewedAt,
    string ClientId,
    string? UserId,
    string? UserRepresentation);
