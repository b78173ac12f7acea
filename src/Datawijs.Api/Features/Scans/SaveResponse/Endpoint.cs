using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.SaveResponse;

public sealed class Endpoint(ScanRepository scans, TimeProvider clock) : Endpoint<Request, RespondentAnswerSheet>
{
    public override void Configure()
    {
        Put("/scans/{scanId}/responses/{respondentId}");
        Scopes(Auth.Scopes.ScansWrite);
        Tags("Scans");
        Options(b => b.WithOperationId("saveScanResponse"));
        Summary(s =>
        {
            s.Summary = "Store one respondent's answers";
            s.Description = "Replaces the respondent's earlier answers while the scan is open; after completion every write answers 409. "
                + "Unknown question ids, values outside 1–5 and questions answered twice are all listed in one 400.";
            s.ExampleRequest = new Request
            {
                Role = "beleidsmedewerker",
                Answers = [new QuestionAnswer { QuestionId = "lead-1", Value = 3 }, new QuestionAnswer { QuestionId = "sec-2", NotApplicable = true }],
            };
        });
        Description(b => b.Produces<RespondentAnswerSheet>(200).ProducesProblems(400, 404, 409));

        // The answers can only be checked against the scan's model, so the validator's problems
        // (respondent id, role) wait here to be reported in the same 400 as the answers' problems.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = Caller.From(User).TenantId;
        var problems = Problems.InvalidParamsOf(ValidationFailures);
        var scan = await scans.FindAsync(tenant, req.ScanId, ct);
        if (scan is null && problems.Count == 0)
        {
            await Problems.NotFoundAsync(HttpContext, "scan");
            return;
        }

        if (scan?.CompletedAt is not null && problems.Count == 0)
        {
            await ScanProblems.CompletedAsync(HttpContext);
            return;
        }

        var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
        if (scan is not null && req.Answers is not null)
        {
            (answers, var answerProblems) = Read(StoredScans.ModelOf(scan.ModelId), req.Answers);
            problems.AddRange(answerProblems);
        }

        if (problems.Count > 0 || scan is null)
        {
            await Problems.WriteAsync(HttpContext, 400, "invalid-params", "One or more inputs are invalid; see invalidParams.", problems);
            return;
        }

        var now = clock.GetUtcNow();
        var row = new ScanResponseRow
        {
            TenantId = tenant,
            ScanId = scan.Id,
            RespondentId = req.RespondentId,
            Role = string.IsNullOrWhiteSpace(req.Role) ? null : req.Role.Trim(),
            Answers = ScanJson.WriteAnswers(answers),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await scans.SaveResponseAsync(row, ct))
        {
            await ScanProblems.CompletedAsync(HttpContext);
            return;
        }

        await Send.OkAsync(RespondentAnswerSheet.From(row), ct);
    }

    /// <summary>Checks every answer against the pinned model and lists all problems.</summary>
    public static (Dictionary<string, int?> Answers, List<InvalidParam> Problems) Read(MaturityModel model, IReadOnlyList<QuestionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(answers);
        var questionIds = model.AllQuestions().Select(q => q.Question.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        var problems = new List<InvalidParam>();
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

        return (result, problems);
    }
}

/// <summary>One respondent's stored answers.</summary>
public sealed class RespondentAnswerSheet
{
    public Guid ScanId { get; init; }

    public string RespondentId { get; init; } = "";

    public string? Role { get; init; }

    public IReadOnlyList<StoredAnswer> Answers { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public static RespondentAnswerSheet From(ScanResponseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RespondentAnswerSheet
        {
            ScanId = row.ScanId,
            RespondentId = row.RespondentId,
            Role = row.Role,
            Answers = ScanJson.ReadAnswers(row.Answers)
                .Select(a => new StoredAnswer { QuestionId = a.Key, Value = a.Value, NotApplicable = a.Value is null })
                .ToList(),
            UpdatedAt = row.UpdatedAt,
        };
    }
}

public sealed class StoredAnswer
{
    public string QuestionId { get; init; } = "";

    /// <summary>1 to 5; null when not applicable.</summary>
    public int? Value { get; init; }

    public bool NotApplicable { get; init; }
}
