using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using FastEndpoints;

namespace Datawijs.Api.Features.Assignments.Get;

public sealed class Endpoint(AssignmentReads reads) : Endpoint<Request, Assignment>
{
    public override void Configure()
    {
        Get("/assignments/{id}");
        Scopes(Auth.Scopes.AssignmentsWrite);
        Tags("Assignments");
        Options(b => b.WithOperationId("getAssignment").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ProfileAdvice, DefaultReasons.AssignmentRead.Nl)));
        Summary(s =>
        {
            s.Summary = "Get an assignment: advice, decision and objection state";
            s.Description = "While the subject's objection is open the status is `contested` and the advice is not given (its fields are null); after an upheld objection it is `withdrawn`.";
        });
        Description(b => b.Produces<Assignment>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var language = RequestLanguage.From(HttpContext);
        if (await reads.ReadAsync(HttpContext, HttpContext.Caller().TenantId, req.Id, language, ct) is not { } view)
        {
            await Problems.NotFoundAsync(HttpContext, "assignment");
            return;
        }

        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(view, ct);
    }
}
