using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Data.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Assignments.Get;

public sealed class Endpoint(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    ObjectionRepository objections,
    AccessLogWriter accessLog) : Endpoint<Request, Assignment>
{
    public override void Configure()
    {
        Get("/assignments/{id}");
        Scopes(Auth.Scopes.AssignmentsWrite);
        Tags("Assignments");
        Options(b => b.WithOperationId("getAssignment").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ProfileAdvice, "Advies en besluit inzien voor de ondersteuning van de cliënt")));
        Summary(s =>
        {
            s.Summary = "Get an assignment: advice, decision and objection state";
            s.Description = "While the subject's objection is open the status is `contested` and the advice is not given (its fields are null); after an upheld objection it is `withdrawn`.";
        });
        Description(b => b.Produces<Assignment>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var row = await assignments.FindAsync(caller.TenantId, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "assignment");
            return;
        }

        var language = RequestLanguage.From(HttpContext);
        var restriction = await objections.RestrictionForAsync(caller.TenantId, row.SubjectPseudonym, ct);
        var latest = await objections.LatestForSubjectAsync(caller.TenantId, row.SubjectPseudonym, ct);
        var status = Advice.StatusOf(row, restriction);
        var model = status is AssignmentStatuses.Advice or AssignmentStatuses.Decided
            ? await profileSets.FindAsync(caller.TenantId, row.ProfileSetId, ct)
            : null;
        var view = Advice.View(row, model, Advice.Recompute(model, row), language, restriction, latest);

        // Logged before anything is returned: no read of a subject's data goes unrecorded.
        await accessLog.AppendAsync([accessLog.Entry(HttpContext, row.SubjectPseudonym, AuditActions.AssignmentRead, row.Id)], ct);
        RequestLanguage.Apply(HttpContext, language);
        await Send.OkAsync(view, ct);
    }
}
