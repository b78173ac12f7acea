using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Datawijs.Api.Tests.Hardening;

/// <summary>
/// A synthetic household CSV sent while it is written (chunked, no length): the first rows, then a
/// pause until the test releases it, then the rest. Lets a test act while an upload is in flight.
/// </summary>
public sealed class StreamedCsvUpload : HttpContent
{
    /// <summary>The dataset declaration that matches the rows.</summary>
    public const string DatasetJson = """
        {"name":"Synthetische huishoudens","purpose":"Fouttest met synthetische gegevens","retentionUntil":"2030-12-31","subjectIdKind":"other",
         "features":[
           {"name":"household","type":"categorical","values":["single","couple","singleParent"],"role":"clustering","mutable":true},
           {"name":"income","type":"numeric","min":0,"max":100000,"role":"clustering","mutable":true}]}
        """;

    private static readonly string[] Households = ["single", "couple", "singleParent"];

    private readonly int _rowsBeforePause;
    private readonly int _rowsAfterPause;
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamedCsvUpload(int rowsBeforePause, int rowsAfterPause)
    {
        _rowsBeforePause = rowsBeforePause;
        _rowsAfterPause = rowsAfterPause;
        Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
    }

    public int TotalRows => _rowsBeforePause + _rowsAfterPause;

    /// <summary>Completes once the rows before the pause are on the wire.</summary>
    public Task Paused => _paused.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>The whole CSV at once, for uploads that need no pause.</summary>
    public static HttpContent Complete(int rows)
    {
        var csv = new StringBuilder("subjectId,household,income\r\n");
        AppendRows(csv, 0, rows);
        return new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("subjectId,household,income\r\n"u8.ToArray(), cancellationToken);
        await WriteRowsAsync(stream, 0, _rowsBeforePause, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _paused.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        await WriteRowsAsync(stream, _rowsBeforePause, _rowsAfterPause, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        _released.TrySetResult();
        base.Dispose(disposing);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static async Task WriteRowsAsync(Stream stream, int first, int count, CancellationToken ct)
    {
        var chunk = new StringBuilder();
        for (var start = first; start < first + count; start += 1000)
        {
            chunk.Clear();
            AppendRows(chunk, start, Math.Min(1000, first + count - start));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(chunk.ToString()), ct);
        }
    }

    private static void AppendRows(StringBuilder csv, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            // Synthetic: subject ids are sequence numbers, incomes a fixed pattern.
            csv.Append(CultureInfo.InvariantCulture, $"synthetisch-{i:D8},{Households[i % 3]},{(i * 7919L % 90_000) + 10_000}\r\n");
        }
    }
}
