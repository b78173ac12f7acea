namespace Datawijs.Domain.Datasets;

/// <summary>
/// How one value of a categorical feature reads in a sentence about the citizen, in Dutch (B1) and English.
/// </summary>
/// <param name="Statement">
/// A whole sentence in the present tense: "U krijgt jeugdzorg." / "You receive youth care.".
/// </param>
/// <param name="Condition">
/// The same as a clause after "Als" / "If", without a full stop: "u jeugdzorg had gekregen" /
/// "you had received youth care". Used for what would have led to another profile.
/// </param>
public sealed record ValuePhrase(LocalizedText Statement, LocalizedText Condition);
