using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Objections;
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
        var caller = Caller.From(User);
        if (string.IsNullOrWhiteSpace(caller.UserId))
        {
            await Problems.WriteAsync(HttpContext, 400, "user-required",
                "An objection is reviewed by a person: the token must carry user_id (and user_representation) of the reviewer.");
            return;
        }

        var objection = await objections.FindAsync(caller.TenantId, req.Id, ct);
        if (objection is null)
        {
            await Problems.NotFoundAsync(HttpContext, "objection");
            return;
        }

        var now = clock.GetUtcNow();
        var review = new ObjectionReview(req.Outcome!, req.Reasoning!.Trim(), now, caller.ClientId, AccessLogWriter.Person(caller.UserId), AccessLogWriter.Person(caller.UserRepresentation));
        if (objection.Status != ObjectionRepository.Open
            || !await objections.ReviewAsync(caller.TenantId, objection, review, accessLog.Entry(HttpContext, objection.SubjectPseudonym, AuditActions.ObjectionReview, objection.Id, now), ct))
        {
            await Problems.WriteAsync(HttpContext, 409, "objection-reviewed", "This objection was already reviewed.");
            return;
        }

        var reviewed = await objections.FindAsync(caller.TenantId, req.Id, ct);
        await Send.OkAsync(Objection.From(reviewed!), ct);
    }
}
