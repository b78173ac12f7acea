namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>Reads records one at a time from a request body (never the whole body in memory).</summary>
public interface IRecordReader
{
    /// <summary>Problems of the upload as a whole (e.g. a bad CSV header); when any, no record is read.</summary>
    Task<IReadOnlyList<RecordProblem>> StartAsync(CancellationToken ct);

    /// <summary>Reads the next record into <paramref name="record"/>; false at the end.</summary>
    ValueTask<bool> ReadAsync(UploadedRecord record, CancellationToken ct);
}
