namespace Datawijs.Api.Features.Datasets;

/// <summary>Configuration section <c>Uploads</c>: bounds on record uploads, per instance.</summary>
public sealed class UploadSettings
{
    public const string Section = "Uploads";

    /// <summary>Uploads one tenant may have in progress at once on this instance; one more answers 429.</summary>
    public int MaxConcurrentPerTenant { get; set; } = 4;

    /// <summary>Bytes that the spool files of all uploads in progress on this instance may take on disk together.</summary>
    public long MaxSpoolBytes { get; set; } = 4L << 30;

    public IEnumerable<string> Problems()
    {
        if (MaxConcurrentPerTenant is < 1 or > 1000)
        {
            yield return $"Uploads:MaxConcurrentPerTenant must be between 1 and 1000 (got {MaxConcurrentPerTenant}).";
        }

        if (MaxSpoolBytes < 1L << 20)
        {
            yield return $"Uploads:MaxSpoolBytes must be at least 1048576 (got {MaxSpoolBytes}).";
        }
    }
}
