namespace Datawijs.Client;

/// <summary>
/// The person (a case worker) on whose behalf an application calls: ZGW <c>user_id</c> and
/// <c>user_representation</c>, recorded in the access log and on decisions and reviews.
/// </summary>
public sealed record ActingPerson
{
    private static readonly AsyncLocal<ActingPerson?> Ambient = new();

    public ActingPerson(string userId, string? userRepresentation = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        UserRepresentation = userRepresentation;
    }

    public string UserId { get; }

    public string? UserRepresentation { get; }

    /// <summary>The person of the call in progress (set by <see cref="DatawijsClient.As(string, string?)"/>), if any.</summary>
    public static ActingPerson? Current => Ambient.Value;

    /// <summary>Sets <see cref="Current"/> until the returned scope is disposed (prefer <see cref="DatawijsClient.As(string, string?)"/>).</summary>
    public static IDisposable Use(ActingPerson? person)
    {
        var previous = Ambient.Value;
        Ambient.Value = person;
        return new Restore(previous);
    }

    private sealed class Restore(ActingPerson? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
