namespace Datawijs.Domain.Maturity;

/// <summary>Scores a scan exactly as docs/maturity.md describes; pure and unrounded.</summary>
public static class MaturityScorer
{
    public const int LowestAnswer = 1;
    public const int HighestAnswer = 5;

    /// <summary>The invalidParams name of a category's target: dotted, as the serializer names a bad value under the same key.</summary>
    public static string TargetName(string categoryId) => "targets." + categoryId;

    /// <summary>
    /// Lists every problem with the answers and targets at once (unknown questions or categories,
    /// answers or targets outside 1–5, duplicate respondents). An empty list means <see cref="Score"/> will accept them.
    /// </summary>
    public static IReadOnlyList<ScoringProblem> Validate(MaturityModel model, IEnumerable<RespondentAnswers> responses, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(responses);
        var questionIds = model.AllQuestions().Select(x => x.Question.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<ScoringProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var respondent in responses)
        {
            if (!seen.Add(respondent.RespondentId))
            {
                problems.Add(new($"responses[{respondent.RespondentId}]", "duplicate-respondent", "Each respondent may answer only once per scan."));
            }

            foreach (var (questionId, answer) in respondent.Answers)
            {
                var name = $"responses[{respondent.RespondentId}].answers[{questionId}]";
                if (!questionIds.Contains(questionId))
                {
                    problems.Add(new(name, "unknown-question", $"Model '{model.Id}' has no question '{questionId}'. Its questions: {string.Join(", ", questionIds.Order(StringComparer.Ordinal))}."));
                }
                else if (answer is < LowestAnswer or > HighestAnswer)
                {
                    problems.Add(new(name, "answer-out-of-range", "An answer is 1 to 5, or null for not applicable."));
                }
            }
        }

        foreach (var (categoryId, target) in (options ?? ScoringOptions.Default).Targets)
        {
            var name = TargetName(categoryId);
            if (model.FindCategory(categoryId) is null)
            {
                problems.Add(new(name, "unknown-category", $"Model '{model.Id}' has no category '{categoryId}'. Its categories: {string.Join(", ", model.Categories.Select(c => c.Id))}."));
            }
            else if (target < model.LowestLevel || target > model.HighestLevel)
            {
                problems.Add(new(name, "target-out-of-range", "A target is a level from 1 to 5."));
            }
        }

        return problems;
    }

    /// <summary>
    /// Scores the responses. Callers validate first (<see cref="Validate"/>); invalid input is a
    /// bug in the caller and throws <see cref="ArgumentException"/>.
    /// </summary>
    public static ScanScore Score(MaturityModel model, IReadOnlyCollection<RespondentAnswers> responses, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(responses);
        options ??= ScoringOptions.Default;
        var problems = Validate(model, responses, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid responses: {problems[0].Name} {problems[0].Code}.", nameof(responses));
        }

        var categories = model.Categories.Select(c => ScoreCategory(model, c, responses, options)).ToList();

        var scored = model.Categories.Zip(categories).Where(p => p.Second.Score is not null).ToList();
        double? overall = scored.Count == 0
            ? null
            : WeightedMean(scored.Select(p => (p.Second.Score!.Value, p.First.Weight)));

        return new ScanScore(
            model.Id,
            options.Combination,
            responses.Count,
            MaturityModel.Freeze(categories),
            overall,
            overall is { } o ? model.LevelFor(o) : null,
            MaturityModel.Freeze(categories.Where(c => c.Score is null).Select(c => c.CategoryId)));
    }

    private static CategoryScore ScoreCategory(MaturityModel model, MaturityCategory category, IReadOnlyCollection<RespondentAnswers> responses, ScoringOptions options)
    {
        var perRespondent = new List<double>();
        var answered = 0;
        foreach (var respondent in responses)
        {
            var answers = new List<(double Value, double Weight)>();
            foreach (var question in category.Questions)
            {
                if (respondent.Answers.TryGetValue(question.Id, out var answer) && answer is { } value)
                {
                    answers.Add((value, question.Weight));
                }
            }

            answered += answers.Count;
            if (answers.Count > 0)
            {
                perRespondent.Add(WeightedMean(answers));
            }
        }

        double? score = perRespondent.Count == 0
            ? null
            : options.Combination == RespondentCombination.Mean ? perRespondent.Average() : Statistics.Median(perRespondent);
        double? agreement = perRespondent.Count < 2 ? null : 1 - (Statistics.PopulationStandardDeviation(perRespondent) / 2);
        var possible = category.Questions.Count * responses.Count;
        int? target = options.Targets.TryGetValue(category.Id, out var t) ? t : null;
        double? gap = target is { } tl && score is { } s ? Math.Max(0, tl - s) : null;

        return new CategoryScore(
            category.Id,
            score,
            score is { } sc ? model.LevelFor(sc) : null,
            possible == 0 ? 0 : (double)answered / possible,
            agreement,
            perRespondent.Count,
            target,
            gap);
    }

    private static double WeightedMean(IEnumerable<(double Value, double Weight)> items)
    {
        double sum = 0, weights = 0;
        foreach (var (value, weight) in items)
        {
            sum += value * weight;
            weights += weight;
        }

        return sum / weights;
    }
}
