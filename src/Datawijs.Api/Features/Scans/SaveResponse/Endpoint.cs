using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;
using FluentValidation.Results;

namespace Datawijs.Api.Features.Scans.SaveResponse;

public sealed class Endpoint(ScanRepository scans, TimeProvider clock) : Endpoint<Request, Response>
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
        Description(b => b.Produces<Response>(200).ProducesProblems(400, 404, 409));

        // The answers can only be checked against the scan's model, so the validator's problems
        // (respondent id, role) wait here to be reported in the same 400 as the answers' problems.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var scan = await scans.FindAsync(tenant, req.ScanId, ct);
        if (!ValidationFailed && scan is null)
        {
            await Problems.NotFoundAsync(HttpContext, "scan");
            return;
        }

        if (!ValidationFailed && scan?.CompletedAt is not null)
        {
            await ScanProblems.CompletedAsync(HttpContext);
            return;
        }

        var response = scan is not null && req.Answers is not null
            ? ScanResponse.Read(StoredScans.ModelOf(scan.ModelId), req.Answers.Select(a => a is null ? null : new GivenAnswer(a.QuestionId, a.Value, a.NotApplicable)).ToList())
            : null;
        foreach (var problem in response?.Problems ?? [])
        {
            AddError(new ValidationFailure(problem.Name, problem.Reason) { ErrorCode = problem.Code });
        }

        ThrowIfAnyErrors();
        var now = clock.GetUtcNow();
        var row = new ScanResponseRow
        {
            TenantId = tenant,
            ScanId = scan!.Id,
            RespondentId = req.RespondentId,
            Role = string.IsNullOrWhiteSpace(req.Role) ? null : req.Role.Trim(),
            Answers = ScanJson.WriteAnswers(response?.Answers ?? new Dictionary<string, int?>(StringComparer.Ordinal)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await scans.SaveResponseAsync(row, ct))
        {
            await ScanProblems.CompletedAsync(HttpContext);
            return;
        }

        await Send.OkAsync(Response.From(row), ct);
    }
}
