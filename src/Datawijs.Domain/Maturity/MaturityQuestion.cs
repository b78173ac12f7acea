namespace Datawijs.Domain.Maturity;

/// <summary>
/// A question answered on the scale 1–5 (or "not applicable"). <see cref="LevelDescriptors"/> holds
/// five texts, index 0 for answer 1, so a respondent knows what each answer means.
/// </summary>
public sealed record MaturityQuestion(string Id, LocalizedText Text, double Weight, IReadOnlyList<LocalizedText> LevelDescriptors);
