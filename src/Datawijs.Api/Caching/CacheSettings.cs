namespace Datawijs.Api.Caching;

/// <summary>Configuration section <c>Caches</c>.</summary>
public sealed class CacheSettings
{
    public const string Section = "Caches";

    /// <summary>How often each instance reads the change counters; well under <see cref="ChangeWatch.Bound"/>.</summary>
    public int PollMilliseconds { get; set; } = 500;

    public IEnumerable<string> Problems()
    {
        if (PollMilliseconds is < 50 or > 1000)
        {
            yield return $"Caches:PollMilliseconds must be between 50 and 1000 (got {PollMilliseconds}).";
        }
    }
}
