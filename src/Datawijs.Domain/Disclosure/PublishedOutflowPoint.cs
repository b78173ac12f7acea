namespace Datawijs.Domain.Disclosure;

/// <summary>One point of a published outflow curve: the share still in at a coarsened time, its 95 % interval, and the households still in, rounded.</summary>
public sealed record PublishedOutflowPoint(double Time, double Survival, double Lower, double Upper, int AtRisk);
