using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// The first half of an upload, one record at a time: each record is checked, its subject id
/// pseudonymised and its cells written in stored form to the spool, and it is counted for the quality
/// report. After the first invalid record nothing more is spooled, but every record is still checked, so
/// that the answer can say how many are invalid. Not thread-safe: one thread adds the records.
/// </summary>
internal sealed class CheckedRecords : IDisposable
{
    private readonly RecordSchema _schema;
    private readonly SubjectIdKind _subjectKind;
    private readonly PseudonymWriter _pseudonyms;
    private readonly StoredRecordCodec _codec;
    private readonly RecordSpool _spool;
    private readonly UploadGate.Slot? _slot;
    private readonly int[] _codes;
    private readonly double[] _numbers;
    private readonly byte[] _pseudonym = new byte[PseudonymWriter.Length];
    private readonly char[] _canonical = new char[SubjectIds.MaxLength];
    private readonly List<CellProblem> _cellProblems = [];

    public CheckedRecords(IReadOnlyList<FeatureDefinition> features, SubjectIdKind subjectKind, PseudonymWriter pseudonyms, RecordSpool spool, UploadGate.Slot? slot)
    {
        _schema = new RecordSchema(features);
        _subjectKind = subjectKind;
        _pseudonyms = pseudonyms;
        _codec = new StoredRecordCodec(_schema);
        _spool = spool;
        _slot = slot;
        _codes = new int[features.Count];
        _numbers = new double[features.Count];
        Quality = new DataQualityAccumulator(features);
    }

    public long Rows { get; private set; }

    public long Invalid { get; private set; }

    /// <summary>The first <see cref="RecordUploader.MaxProblemsReported"/> problems, in the order of the records.</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>The counts of the spooled records (every record, while none is invalid).</summary>
    public DataQualityAccumulator Quality { get; }

    /// <summary>Set when the spool has no room for more; then nothing more is added.</summary>
    public SpoolRefusal Refusal { get; private set; }

    /// <summary>Checks and spools one record; false once the spool refused it (stop reading).</summary>
    public bool Add(UploadedRecord record)
    {
        Rows++;
        if (!Check(record, out var canonicalLength))
        {
            Invalid++;
            return true;
        }

        if (Invalid > 0)
        {
            return true;
        }

        // The raw subject id goes no further than Check; its canonical form no further than this line.
        _pseudonyms.Write(_canonical.AsSpan(0, canonicalLength), _pseudonym);
        var cells = _codec.Write(_codes, _numbers).Span;
        if (_slot?.Add(8 + _pseudonym.Length + cells.Length) is { } refusal and not SpoolRefusal.None)
        {
            Refusal = refusal;
            return false;
        }

        _spool.Add(_pseudonym, cells);
        Quality.Add(_codes, _numbers);
        return true;
    }

    public void Dispose() => _pseudonyms.Dispose();

    // Checks a record as read and its every cell; fills codes and numbers; reports what is wrong.
    private bool Check(UploadedRecord record, out int canonicalLength)
    {
        canonicalLength = 0;
        var good = record.Problems.Count == 0;
        if (!good)
        {
            Report(record.Problems);
        }

        var subject = record.SubjectId is { } id ? id.Span : [];
        if (subject.IsWhiteSpace() && good)
        {
            good = false;
            Report([new RecordProblem(record.Row, RecordFormats.SubjectColumn, "required", "Every record needs a subjectId.")]);
        }
        else if (subject.Length > RecordFormats.MaxSubjectIdLength)
        {
            good = false;
            Report([new RecordProblem(record.Row, RecordFormats.SubjectColumn, "max-length", $"A subjectId has at most {RecordFormats.MaxSubjectIdLength} characters.")]);
        }
        else if (!subject.IsWhiteSpace() && !SubjectIds.TryCanonical(subject, _subjectKind, _canonical, out canonicalLength, out var subjectProblem))
        {
            good = false;
            Report([new RecordProblem(record.Row, RecordFormats.SubjectColumn, "invalid-bsn", subjectProblem + " Declare the dataset with subjectIdKind 'other' for identifiers that are not BSNs.")]);
        }

        _cellProblems.Clear();
        for (var f = 0; f < record.FeatureCount; f++)
        {
            var cell = record.Cell(f) is { } value ? value.Span : [];
            if (!_schema.TryRead(f, cell, _cellProblems, out _codes[f], out _numbers[f]))
            {
                good = false;
            }
        }

        if (_cellProblems.Count > 0)
        {
            Report(_cellProblems.Select(p => new RecordProblem(record.Row, p.Column, "invalid-value", p.Reason)).ToList());
        }

        return good;
    }

    private void Report(IReadOnlyList<RecordProblem> found)
    {
        foreach (var problem in found)
        {
            if (Problems.Count < RecordUploader.MaxProblemsReported)
            {
                Problems.Add(problem);
            }
        }
    }
}
