namespace Datawijs.Domain.Explanations;

/// <summary>Why one subject feature cannot be used. Maps onto problem+json <c>invalidParams</c>.</summary>
/// <param name="Name">The feature name as sent.</param>
/// <param name="Code">A stable code, one of <see cref="FeatureProblemCodes"/>.</param>
/// <param name="Reason">A readable reason (English, for the calling system).</param>
public sealed record FeatureProblem(string Name, string Code, string Reason);
