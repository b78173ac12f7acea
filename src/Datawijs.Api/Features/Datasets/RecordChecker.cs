using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Features.Datasets;

/// <summary>
/// Checks the records of one upload as read, one at a time: the record's format, its subject id (made
/// canonical) and every cell (read into codes and numbers); counts the records and the invalid ones and
/// keeps the first <see cref="RecordUploader.MaxProblemsReported"/> problems in the order of the records.
/// What it hands out is valid until the next record. Not thread-safe.
/// </summary>
internal sealed class RecordChecker
{
    private readonly RecordSchema _schema;
    private readonly SubjectIdKind _subjectKind;
    private readonly int[] _codes;
    private readonly double[] _numbers;
    private readonly char[] _canonical = new char[SubjectIds.MaxLength];
    private readonly List<CellProblem> _cellProblems = [];
    private int _canonicalLength;

    public RecordChecker(IReadOnlyList<FeatureDefinition> features, SubjectIdKind subjectKind)
    {
        _schema = new RecordSchema(features);
        _subjectKind = subjectKind;
        _codes = new int[features.Count];
        _numbers = new double[features.Count];
    }

    public long Rows { get; private set; }

    public long Invalid { get; private set; }

    public List<RecordProblem> Problems { get; } = [];

    /// <summary>The last good record's canonical subject id. It goes no further than the pseudonymiser.</summary>
    public ReadOnlySpan<char> Subject => _canonical.AsSpan(0, _canonicalLength);

    /// <summary>The last good record's categorical codes, by feature.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The last good record's numbers, by feature.</summary>
    public ReadOnlySpan<double> Numbers => _numbers;

    /// <summary>Checks a record as read and its every cell; false (and the problems kept) when it is not good.</summary>
    public bool Check(UploadedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Rows++;
        _canonicalLength = 0;
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
        else if (!subject.IsWhiteSpace() && !SubjectIds.TryCanonical(subject, _subjectKind, _canonical, out _canonicalLength, out var subjectProblem))
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

        if (!good)
        {
            Invalid++;
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
