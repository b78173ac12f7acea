namespace Datawijs.Api.Features.Datasets;

/// <summary>Why an upload's spooling was stopped.</summary>
public enum SpoolRefusal
{
    None,

    /// <summary>This upload alone needs more than <see cref="UploadSettings.MaxSpoolBytes"/>: it can never be taken (413).</summary>
    UploadTooLarge,

    /// <summary>Other uploads in progress hold the space: try again later (429).</summary>
    SpoolFull,
}
