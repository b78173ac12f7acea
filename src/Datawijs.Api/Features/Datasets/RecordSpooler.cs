using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Writes checked records to the upload's spool: the cells in stored form to the spool, the subject id
/// pseudonymised (the canonical id goes no further than here) with the record's place among the upload's
/// subjects (<see cref="SubjectRuns"/>), and each record counted for the quality report. Stops
/// at the first record the spool has no room for. Not thread-safe: one thread adds the records.
/// </summary>
internal sealed class RecordSpooler : IDisposable
{
    private readonly PseudonymWriter _pseudonyms;
    private readonly StoredRecordCodec _codec;
    private readonly RecordSpool _spool;
    private readonly SubjectRuns _subjects;
    private readonly UploadGate.Slot? _slot;
    private readonly byte[] _pseudonym = new byte[PseudonymWriter.Length * RecordBatch.Capacity];

    public RecordSpooler(IReadOnlyList<FeatureDefinition> features, PseudonymWriter pseudonyms, RecordSpool spool, SubjectRuns subjects, UploadGate.Slot? slot)
    {
        _pseudonyms = pseudonyms;
        _subjects = subjects;
        _codec = new StoredRecordCodec(new RecordSchema(features));
        _spool = spool;
        _slot = slot;
        Quality = new DataQualityAccumulator(features);
    }

    /// <summary>The counts of the spooled records.</summary>
    public DataQualityAccumulator Quality { get; }

    /// <summary>Set when the spool had no room for a record; then nothing more is added.</summary>
    public SpoolRefusal Refusal { get; private set; }

    /// <summary>Spools the records of <paramref name="batch"/> in order; false when the spool refused one (stop).</summary>
    public bool Add(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Refusal != SpoolRefusal.None)
        {
            return false;
        }

        _pseudonyms.WriteMany(batch.Subjects, batch.SubjectStarts, batch.SubjectLengths, _pseudonym);
        for (var i = 0; i < batch.Count; i++)
        {
            var codes = batch.Codes(i);
            var numbers = batch.Numbers(i);
            var cells = _codec.Write(codes, numbers).Span;
            var pseudonym = _pseudonym.AsSpan(PseudonymWriter.Length * i, PseudonymWriter.Length);
            // On disk: the record (its length and cells) and, among the subjects, the pseudonym and the record's place.
            if (_slot?.Add(4 + cells.Length + pseudonym.Length + sizeof(long)) is { } refusal and not SpoolRefusal.None)
            {
                Refusal = refusal;
                return false;
            }

            _subjects.Add(pseudonym, _spool.Count);
            _spool.Add(cells);
            Quality.Add(codes, numbers);
        }

        return true;
    }

    public void Dispose() => _pseudonyms.Dispose();
}
