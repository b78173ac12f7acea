namespace Datawijs.Domain.Maturity;

/// <summary>A problem with the input of a score, in the shape of an <c>invalidParams</c> entry.</summary>
public sealed record ScoringProblem(string Name, string Code, string Reason);
