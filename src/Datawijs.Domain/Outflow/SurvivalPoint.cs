namespace Datawijs.Domain.Outflow;

/// <summary>One point of a survival curve: the share still in at <paramref name="Time"/>, its 95 % interval and the households at risk.</summary>
public readonly record struct SurvivalPoint(double Time, double Survival, double Lower, double Upper, int AtRisk);
