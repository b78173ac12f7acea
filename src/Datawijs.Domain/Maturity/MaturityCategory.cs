namespace Datawijs.Domain.Maturity;

/// <summary>A category of the model, with its questions and one piece of advice per level.</summary>
public sealed record MaturityCategory(
    string Id,
    LocalizedText Name,
    double Weight,
    IReadOnlyList<MaturityQuestion> Questions,
    IReadOnlyList<CategoryAdvice> Advice)
{
    /// <summary>The advice for a category at <paramref name="level"/> (1–5).</summary>
    public CategoryAdvice AdviceAt(int level) => Advice.Single(a => a.Level == level);
}
