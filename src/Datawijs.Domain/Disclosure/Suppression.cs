namespace Datawijs.Domain.Disclosure;

/// <summary>
/// One withheld figure. <see cref="Profile"/> null = the whole-dataset (population) figure;
/// <see cref="Value"/> null on a count = the "unknown" cell. Deliberately carries no counts.
/// </summary>
public sealed record Suppression(int? Profile, SuppressedItem Item, string Feature, string? Value, SuppressionReason Reason);
