namespace Datawijs.Api.Tests.Hardening;

/// <summary>The system clock, moved forward by <see cref="Shift"/>: to let a lease run out without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
