namespace Datawijs.Api.Http;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencySettings
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered; after it, the same key starts a new request and the record is swept away.</summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    public IEnumerable<string> Problems()
    {
        if (RetentionHours is < 1 or > 8760)
        {
            yield return $"Idempotency:RetentionHours must be between 1 and 8760 (got {RetentionHours}).";
        }
    }
}
