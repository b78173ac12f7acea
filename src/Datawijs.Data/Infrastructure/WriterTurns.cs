namespace Datawijs.Data.Infrastructure;

/// <summary>
/// This process's turns at SQLite's single write lock, handed out one at a time in arrival order
/// (see <see cref="IDbConnectionFactory.WriterTurnAsync"/>). Disposing a turn hands it on.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate lives as long as the process and never creates a wait handle; a turn may be handed on after shutdown began.")]
public sealed class WriterTurns
{
    /// <summary>A turn that waits for nothing (SQL Server).</summary>
    public static readonly IDisposable None = new Turn(null);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(_gate);
    }

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
