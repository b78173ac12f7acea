using Datawijs.Domain.Maturity;

namespace Datawijs.Domain.Tests.Maturity;

/// <summary>Small hand-made models, so every expected number can be checked by hand.</summary>
internal static class TestModels
{
    public static LocalizedText T(string text) => new(text + " (nl)", text + " (en)");

    public static IReadOnlyList<MaturityLevel> Levels { get; } =
        Enumerable.Range(1, 5).Select(n => new MaturityLevel(n, $"level-{n}", T($"Level {n}"), T($"About level {n}"), n)).ToList();

    public static MaturityQuestion Question(string id, double weight = 1) =>
        new(id, T(id), weight, Enumerable.Range(1, 5).Select(n => T($"{id} answer {n}")).ToList());

    public static MaturityCategory Category(string id, double weight, params MaturityQuestion[] questions) =>
        new(id, T(id), weight, questions, Enumerable.Range(1, 5).Select(n => new CategoryAdvice(n, $"{id}-l{n}", T($"{id} advice {n}"))).ToList());

    /// <summary>Category "a" (weight 1) with questions a1 (weight 1) and a2 (weight 3); category "b" (weight 3) with b1.</summary>
    public static MaturityModel TwoCategories { get; } = new(
        "test-v1",
        1,
        ModelVariant.Full,
        T("Test"),
        T("Test model"),
        Levels,
        [Category("a", 1, Question("a1", 1), Question("a2", 3)), Category("b", 3, Question("b1"))]);

    public static RespondentAnswers Respondent(string id, params (string Question, int? Answer)[] answers) =>
        new(id, answers.ToDictionary(a => a.Question, a => a.Answer, StringComparer.Ordinal));
}
