using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Objections;
using Datawijs.Domain.Assignments;
using Datawijs.Domain.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Objections.Review;

public sealed class Endpoint(ObjectionRepository objections, AccessLogWriter accessLog, TimeProvider clock) : Endpoint<Request, Objection>
{
    public override void Configure()
    {
        Post("/objections/{id}/review");
        Scopes(Auth.Scopes.ObjectionsReview);
        Tags("Objections");
        Options(b => b.WithOperationId("reviewObjection")
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ObjectionHandling, DefaultReasons.ObjectionReview.Nl)));
        Summary(s =>
        {
            s.Summary = "Review an open objection";
            s.Description = """
                `upheld`: the objection is right; the assignment it concerned is withdrawn and profiles are no longer used for
                this subject (new advice answers 409). `rejected`: the restriction ends and advice may be given again.
                The token must name the reviewer (`user_id`). 409 when the objection is no longer open.
                """;
            s.Responses[409] = "The objection was already reviewed.";
            s.ExampleRequest = new Request { Outcome = "rejected", Reasoning = "De gegevens kloppen; besproken met mevrouw op 23 november." };
        });
        Description(b => b.Produces<Objection>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var reviewer = new Actor(caller.ClientId, AccessLogWriter.Person(caller.UserId), AccessLogWriter.Person(caller.UserRepresentation));
        if (Domain.Objections.Objection.RefusesReviewer(reviewer) is { } refusal)
        {
            await RefuseAsync(refusal);
            return;
        }

        var row = await objections.FindAsync(caller.TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "objection");
            return;
        }

        var now = clock.GetUtcNow();
        var result = row.ToObjection().Review(reviewer, req.Outcome!, req.Reasoning!, now);
        if (result.Reviewed is not { } reviewed)
        {
            await RefuseAsync(result.Refusal!.Value);
            return;
        }

        // The store records it only while the objection is still open: a review that came first wins.
        if (!await objections.ReviewAsync(caller.TenantId, reviewed, accessLog.Entry(HttpContext, row.SubjectPseudonym, AuditActions.ObjectionReview, row.Id, now), ct))
        {
            await RefuseAsync(ObjectionReviewRefusal.AlreadyReviewed);
            return;
        }

        await Send.OkAsync(Objection.From((await objections.FindAsync(caller.TenantId, req.Id, ct))!), ct);
    }

    private Task RefuseAsync(ObjectionReviewRefusal refusal)
    {
        switch (refusal)
        {
            case ObjectionReviewRefusal.UnknownOutcome:
                ThrowError(r => r.Outcome, "'Outcome' must be upheld or rejected.", "one-of");
                break;
            case ObjectionReviewRefusal.ReasoningRequired:
                ThrowError(r => r.Reasoning, "'Reasoning' must not be empty.", "required");
                break;
        }

        return refusal == ObjectionReviewRefusal.PersonRequired
            ? Problems.WriteAsync(HttpContext, 400, "user-required",
                "An objection is reviewed by a person: the token must carry user_id (and user_representation) of the reviewer.")
            : Problems.WriteAsync(HttpContext, 409, "objection-reviewed", "This objection was already reviewed.");
    }
}
