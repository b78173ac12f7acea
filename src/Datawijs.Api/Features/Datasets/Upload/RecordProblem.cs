namespace Datawijs.Api.Features.Datasets.Upload;

/// <summary>A problem in an upload: the record's number (1 = first record; 0 = the CSV header), the column if known, and why.</summary>
public sealed record RecordProblem(long Row, string? Column, string Code, string Reason);
