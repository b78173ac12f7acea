namespace Datawijs.Data.Idempotency;

public sealed class IdempotencyRecord
{
    public Guid TenantId { get; init; }

    public string ClientId { get; init; } = "";

    public string IdemKey { get; init; } = "";

    /// <summary>Hash of method, path and body: a key reused for another request is refused.</summary>
    public string RequestHash { get; init; } = "";

    /// <summary>Null while the first request is still being handled.</summary>
    public int? StatusCode { get; init; }

    public string? Location { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
