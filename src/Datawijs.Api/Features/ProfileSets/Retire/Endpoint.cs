using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.ProfileSets;
using FastEndpoints;
using ProfileSet = Datawijs.Api.Features.ProfileSets.Views.ProfileSet;

namespace Datawijs.Api.Features.ProfileSets.Retire;

public sealed class Endpoint(ProfileSetRepository profileSets, PublicationChecks checks, TimeProvider clock) : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Post("/profile-sets/{id}/retirement");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("retireProfileSet"));
        Summary(s =>
        {
            s.Summary = "Retire a profile set";
            s.Description = "A retired set is no longer public and can no longer be used; it keeps what it showed.";
            s.Responses[200] = "Retired.";
        });
        Description(b => b.Produces<ProfileSet>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var set = await profileSets.FindAsync(tenant, req.Id, ct);
        if (set is null)
        {
            await Problems.NotFoundAsync(HttpContext, "profile set");
            return;
        }

        // The lifecycle says whether the set may be retired; the store retires it only if it still may (a
        // concurrent retirement answers the same as an earlier one).
        if (ProfileSetRows.Lifecycle(set, []).Retire() == RetirementOutcome.AlreadyRetired
            || !await profileSets.RetireAsync(tenant, set.Id, clock.GetUtcNow(), ct))
        {
            await Problems.WriteAsync(HttpContext, 409, "already-retired", "The profile set is already retired.");
            return;
        }

        var retired = await profileSets.FindAsync(tenant, set.Id, ct);
        await Send.OkAsync(ProfileSetViews.Build(retired!, await profileSets.ProfilesAsync(tenant, set.Id, ct), await checks.RunAsync(retired!, ct)), ct);
    }
}
