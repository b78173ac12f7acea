using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using Datawijs.Domain.Assignments;
using FastEndpoints;

namespace Datawijs.Api.Features.Assignments.Decide;

public sealed class Endpoint(
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog,
    TimeProvider clock) : Endpoint<Request, AssignmentDecisionView>
{
    public override void Configure()
    {
        Post("/assignments/{id}/decisions");
        Scopes(Auth.Scopes.AssignmentsWrite);
        Tags("Assignments");
        Options(b => b.WithOperationId("decideAssignment")
            .WithMetadata(new IdempotentAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ProfileAdvice, DefaultReasons.DecisionCreate.Nl)));
        Summary(s =>
        {
            s.Summary = "Record the case worker's own decision on the advice";
            s.Description = """
                A person decides: the token must name the case worker (`user_id`, `user_representation`); the reasoning is
                required. Once per assignment. 409 when already decided, or while the subject's objection is open or after it was upheld.
                """;
            s.Responses[409] = "Already decided, or the subject objected (the advice is contested or withdrawn).";
            s.ExampleRequest = new Request { Outcome = "deviates", Reasoning = "Mevrouw werkt sinds kort 20 uur; het profiel past daardoor minder goed." };
        });
        Description(b => b.Produces<AssignmentDecisionView>(201).ProducesProblems(400, 404, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var decider = new Actor(caller.ClientId, AccessLogWriter.Person(caller.UserId), AccessLogWriter.Person(caller.UserRepresentation));
        if (Domain.Assignments.Assignment.RefusesDecider(decider) is { } refusal)
        {
            await RefuseAsync(refusal);
            return;
        }

        var row = await assignments.FindAsync(caller.TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "assignment");
            return;
        }

        var restriction = await objections.RestrictionForAsync(caller.TenantId, row.SubjectPseudonym, ct);
        var now = clock.GetUtcNow();
        var result = row.ToAssignment().Decide(restriction, decider, req.Outcome!, req.Reasoning!, now);
        if (result.Decision is not { } decision)
        {
            await RefuseAsync(result.Refusal!.Value);
            return;
        }

        // The store records it only while still undecided and not withdrawn: a decision that came first wins.
        if (!await assignments.DecideAsync(caller.TenantId, row.Id, decision, accessLog.Entry(HttpContext, row.SubjectPseudonym, AuditActions.DecisionCreate, row.Id, now), ct))
        {
            await RefuseAsync(DecisionRefusal.AlreadyDecided);
            return;
        }

        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, AssignmentDecisionView.From(decision), cancellation: ct);
    }

    private Task RefuseAsync(DecisionRefusal refusal)
    {
        switch (refusal)
        {
            case DecisionRefusal.UnknownOutcome:
                ThrowError(r => r.Outcome, "'Outcome' must be follows or deviates.", "one-of");
                break;
            case DecisionRefusal.ReasoningRequired:
                ThrowError(r => r.Reasoning, "'Reasoning' must not be empty.", "required");
                break;
        }

        return refusal switch
        {
            DecisionRefusal.PersonRequired => Problems.WriteAsync(HttpContext, 400, "user-required",
                "A decision is made by a person: the token must carry user_id (and user_representation) of the case worker."),
            DecisionRefusal.AlreadyDecided => Problems.WriteAsync(HttpContext, 409, "assignment-decided", "A decision on this assignment was already recorded."),
            DecisionRefusal.Contested => Problems.WriteAsync(HttpContext, 409, "assignment-contested",
                "The subject objected; while the objection is open no decision is recorded on this advice."),
            _ => Problems.WriteAsync(HttpContext, 409, "assignment-withdrawn", "An objection was upheld; this advice is no longer used."),
        };
    }
}
