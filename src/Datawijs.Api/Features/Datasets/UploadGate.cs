namespace Datawijs.Api.Features.Datasets;

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
