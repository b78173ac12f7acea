namespace Datawijs.Domain.Maturity;

/// <summary>
/// One respondent's answers to a scan, read against the model the scan pinned: the answers by question id
/// (null = not applicable, which leaves the question out of the score) and every problem found, all at once.
/// Only a response without problems may be stored.
/// </summary>
public sealed class ScanResponse
{
    private ScanResponse(IReadOnlyDictionary<string, int?> answers, IReadOnlyList<ScoringProblem> problems)
    {
        Answers = answers;
        Problems = problems;
    }

    /// <summary>The answers by question id, null = not applicable; empty when the response has problems.</summary>
    public IReadOnlyDictionary<string, int?> Answers { get; }

    /// <summary>Each problem with its field (<c>answers[i]</c>, <c>answers[i].questionId</c> or <c>answers[i].value</c>), a stable code and a reason.</summary>
    public IReadOnlyList<ScoringProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Checks every answer: a question of <paramref name="model"/>, answered once, with a value 1–5 or not
    /// applicable (not both, not neither). A missing answer (null) is a problem of its own.
    /// </summary>
    public static ScanResponse Read(MaturityModel model, IReadOnlyList<GivenAnswer?> answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        var questionIds = model.AllQuestions().Select(q => q.Question.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        var problems = new List<ScoringProblem>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var name = $"answers[{i}]";
            if (answer is null)
            {
                problems.Add(new(name, "required", "An answer is an object with questionId and value or notApplicable."));
                continue;
            }

            var valid = true;
            if (string.IsNullOrEmpty(answer.QuestionId))
            {
                problems.Add(new(name + ".questionId", "required", "'questionId' is required."));
                valid = false;
            }
            else if (!questionIds.Contains(answer.QuestionId))
            {
                problems.Add(new(name + ".questionId", "unknown-question", $"Model '{model.Id}' has no question '{answer.QuestionId}'."));
                valid = false;
            }
            else if (result.ContainsKey(answer.QuestionId))
            {
                problems.Add(new(name + ".questionId", "duplicate-question", $"Question '{answer.QuestionId}' is answered more than once."));
                valid = false;
            }

            var notApplicable = answer.NotApplicable == true;
            if (notApplicable && answer.Value is not null)
            {
                problems.Add(new(name, "value-and-not-applicable", "Give a value or notApplicable true, not both."));
                valid = false;
            }
            else if (!notApplicable && answer.Value is null)
            {
                problems.Add(new(name + ".value", "required", "Give a value 1 to 5, or notApplicable true."));
                valid = false;
            }
            else if (answer.Value is < MaturityScorer.LowestAnswer or > MaturityScorer.HighestAnswer)
            {
                problems.Add(new(name + ".value", "range", "'value' must be from 1 to 5."));
                valid = false;
            }

            if (valid)
            {
                result[answer.QuestionId!] = notApplicable ? null : answer.Value;
            }
            else if (!string.IsNullOrEmpty(answer.QuestionId))
            {
                // Later answers to the same question are still duplicates, even when this one was invalid.
                result.TryAdd(answer.QuestionId, null);
            }
        }

        return new ScanResponse(problems.Count == 0 ? result : new Dictionary<string, int?>(StringComparer.Ordinal), problems);
    }
}
