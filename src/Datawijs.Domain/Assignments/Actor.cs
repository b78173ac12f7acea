namespace Datawijs.Domain.Assignments;

/// <summary>
/// Who acts on an assignment or an objection: the application (client) and, when its token names one, the person
/// using it. Decisions and reviews are made by people, so they need <see cref="IsPerson"/>.
/// </summary>
/// <param name="ClientId">The application.</param>
/// <param name="UserId">The person's id as the application knows them; null or blank when no person is named.</param>
/// <param name="UserRepresentation">The person's name as the application shows it.</param>
public sealed record Actor(string ClientId, string? UserId, string? UserRepresentation)
{
    /// <summary>A person is named (a user id), not only an application.</summary>
    public bool IsPerson => !string.IsNullOrWhiteSpace(UserId);
}
