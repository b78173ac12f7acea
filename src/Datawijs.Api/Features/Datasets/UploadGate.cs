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

/// <summary>Why an upload's spooling was stopped.</summary>
public enum SpoolRefusal
{
    None,

    /// <summary>This upload alone needs more than <see cref="UploadSettings.MaxSpoolBytes"/>: it can never be taken (413).</summary>
    UploadTooLarge,

    /// <summary>Other uploads in progress hold the space: try again later (429).</summary>
    SpoolFull,
}

/// <summary>
/// Guards record uploads on this instance: at most <see cref="UploadSettings.MaxConcurrentPerTenant"/> at once
/// per tenant, so one tenant cannot take every upload and the disk; and at most
/// <see cref="UploadSettings.MaxSpoolBytes"/> in spool files together. Space is taken in steps of
/// <see cref="Step"/> as records are spooled, and given back when the upload ends.
/// </summary>
public sealed class UploadGate(UploadSettings settings)
{
    public const long Step = 1L << 20;

    private readonly long _maxSpoolBytes = settings.MaxSpoolBytes;
    private readonly Dictionary<Guid, int> _inProgress = [];
    private readonly Lock _lock = new();
    private long _spoolBytes;

    /// <summary>Bytes reserved for spool files now.</summary>
    public long SpoolBytes => Interlocked.Read(ref _spoolBytes);

    /// <summary>A slot for one upload of the tenant, or null when it has as many in progress as allowed.</summary>
    public Slot? TryEnter(Guid tenantId)
    {
        lock (_lock)
        {
            var count = _inProgress.GetValueOrDefault(tenantId);
            if (count >= settings.MaxConcurrentPerTenant)
            {
                return null;
            }

            _inProgress[tenantId] = count + 1;
        }

        return new Slot(this, tenantId);
    }

    private void Leave(Guid tenantId, long reserved)
    {
        Interlocked.Add(ref _spoolBytes, -reserved);
        lock (_lock)
        {
            if (_inProgress.GetValueOrDefault(tenantId) <= 1)
            {
                _inProgress.Remove(tenantId);
            }
            else
            {
                _inProgress[tenantId]--;
            }
        }
    }

    /// <summary>One upload in progress; dispose it when the upload ends, however it ends.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly UploadGate _gate;
        private readonly Guid _tenantId;
        private long _used;
        private long _reserved;
        private bool _disposed;

        internal Slot(UploadGate gate, Guid tenantId)
        {
            _gate = gate;
            _tenantId = tenantId;
        }

        /// <summary>Counts <paramref name="bytes"/> more in this upload's spool file; a refusal means: stop spooling.</summary>
        public SpoolRefusal Add(long bytes)
        {
            _used += bytes;
            if (_used <= _reserved)
            {
                return SpoolRefusal.None;
            }

            var max = _gate._maxSpoolBytes;
            if (_used > max)
            {
                return SpoolRefusal.UploadTooLarge;
            }

            var step = Math.Min(Math.Max(Step, _used - _reserved), max - _reserved);
            if (Interlocked.Add(ref _gate._spoolBytes, step) > max)
            {
                Interlocked.Add(ref _gate._spoolBytes, -step);
                return SpoolRefusal.SpoolFull;
            }

            _reserved += step;
            return SpoolRefusal.None;
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _gate.Leave(_tenantId, _reserved);
            }
        }
    }
}
