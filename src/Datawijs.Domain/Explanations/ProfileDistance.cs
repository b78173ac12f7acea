namespace Datawijs.Domain.Explanations;

/// <summary>The distance from the subject to one profile.</summary>
public sealed record ProfileDistance(Guid ProfileId, double Distance);
