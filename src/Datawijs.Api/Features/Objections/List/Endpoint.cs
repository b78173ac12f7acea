using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Objections;
using FastEndpoints;

namespace Datawijs.Api.Features.Objections.List;

public sealed class Endpoint(ObjectionRepository objections, AccessLogWriter accessLog) : Endpoint<Request, ObjectionList>
{
    public const int DefaultLimit = 50;

    public override void Configure()
    {
        Get("/objections");
        Scopes(Auth.Scopes.ObjectionsReview);
        Tags("Objections");
        Options(b => b.WithOperationId("listObjections")
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ObjectionHandling, DefaultReasons.ObjectionsList.Nl)));
        Summary(s =>
        {
            s.Summary = "List the citizens' objections";
            s.Description = "Oldest first, cursor-paginated; filter with `status` (e.g. `open`). Every listed objection is a read of the citizen's data and is written to their access log.";
        });
        Description(b => b.Produces<ObjectionList>(200).ProducesProblems(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var after = PageCursor.DecodeOrNull(req.Cursor);
        var page = await objections.PageAsync(caller.TenantId, req.Status, after, req.Limit ?? DefaultLimit, ct);
        await accessLog.AppendAsync(
            page.Items.Select(o => accessLog.Entry(HttpContext, o.SubjectPseudonym, AuditActions.ObjectionRead, o.Id)).ToList(), ct);
        await Send.OkAsync(new ObjectionList
        {
            Items = page.Items.Select(Objection.From).ToList(),
            Next = page.Next?.Encode(),
        }, ct);
    }
}
