using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Data.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>The outcome of an upload: stored (with the new totals) or refused with the problems found.</summary>
public sealed record UploadOutcome(bool Stored, long Records, long InvalidRecords, IReadOnlyList<RecordProblem> Problems, DatasetRow? Dataset)
{
    /// <summary>Set when the upload was stopped for lack of spool space (<see cref="UploadGate"/>).</summary>
    public SpoolRefusal Refusal { get; init; }
}
