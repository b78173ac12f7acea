namespace Datawijs.Domain.Datasets;

/// <summary>One reason why a cell of an uploaded row cannot be stored.</summary>
public sealed record CellProblem(string Column, string Reason);
