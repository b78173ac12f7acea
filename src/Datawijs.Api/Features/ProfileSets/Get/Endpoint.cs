using Datawijs.Api.Auth;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.Get;

public sealed class Endpoint(ProfileSetRepository profileSets, PublicationChecks checks) : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Get("/profile-sets/{id}");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("getProfileSet"));
        Summary(s =>
        {
            s.Summary = "Get a profile set through the disclosure gate";
            s.Description = "A draft shows what publication would show, the gate's report (what is withheld and why), the inequality check and what still blocks publication (including differences with earlier publications of the dataset). A published or retired set shows exactly what was published.";
        });
        Description(b => b.Produces<ProfileSet>(200).ProducesProblems(400, 404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var row = await profileSets.FindAsync(tenant, req.Id, ct);
        if (row is null)
        {
            await Problems.NotFoundAsync(HttpContext, "profile set");
            return;
        }

        await Send.OkAsync(ProfileSetViews.Build(row, await profileSets.ProfilesAsync(tenant, row.Id, ct), await checks.RunAsync(row, ct)), ct);
    }
}
