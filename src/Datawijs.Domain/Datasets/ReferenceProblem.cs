namespace Datawijs.Domain.Datasets;

/// <summary>One problem with a reference population: the field (as in the request) and a kebab-case code.</summary>
public sealed record ReferenceProblem(string Field, string Code, string Reason);
