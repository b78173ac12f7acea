using Datawijs.Api.Auth;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.UpdateProfile;

public sealed class Endpoint(ProfileSetRepository profileSets, PublicationChecks checks, TimeProvider clock) : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Patch("/profile-sets/{id}/profiles/{profileId}");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("updateProfile"));
        Summary(s =>
        {
            s.Summary = "Name and describe a profile of a draft set";
            s.Description = "Dutch (B1) and English. Only drafts can change: a published set keeps what it showed.";
            s.ExampleRequest = new Request
            {
                Name = new ProfileTextInput { Nl = "Jonge alleenstaande ouders in de bijstand", En = "Young single parents on social assistance" },
                Description = new ProfileTextInput { Nl = "Vaak een alleenstaande ouder rond de dertig met jonge kinderen en een bijstandsuitkering.", En = "Often a single parent around thirty with young children on social assistance." },
            };
        });
        Description(b => b.Produces<ProfileSet>(200).ProducesProblems(400, 404, 409));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var set = await profileSets.FindAsync(tenant, req.Id, ct);
        var profiles = set is null ? [] : await profileSets.ProfilesAsync(tenant, set.Id, ct);
        var current = profiles.FirstOrDefault(p => p.Id == req.ProfileId);
        if (set is null || current is null)
        {
            await Problems.NotFoundAsync(HttpContext, "profile");
            return;
        }

        if (set.Status != ProfileSetStatus.Draft)
        {
            await Problems.WriteAsync(HttpContext, 409, "not-draft", $"The profile set is {set.Status}; only a draft can change.");
            return;
        }

        var updated = new ProfileRow
        {
            Id = current.Id,
            TenantId = tenant,
            ProfileSetId = set.Id,
            Cluster = current.Cluster,
            NameNl = Change(req.Name?.Nl, current.NameNl),
            NameEn = Change(req.Name?.En, current.NameEn),
            DescriptionNl = Change(req.Description?.Nl, current.DescriptionNl),
            DescriptionEn = Change(req.Description?.En, current.DescriptionEn),
            UpdatedAt = clock.GetUtcNow(),
        };
        if (!await profileSets.UpdateProfileAsync(updated, ct))
        {
            await Problems.WriteAsync(HttpContext, 409, "not-draft", "The profile set is no longer a draft.");
            return;
        }

        var refreshed = profiles.Select(p => p.Id == updated.Id ? updated : p).ToList();
        await Send.OkAsync(ProfileSetViews.Build(set, refreshed, await checks.RunAsync(set, ct)), ct);
    }

    private static string? Change(string? sent, string? current) =>
        sent is null ? current : sent.Trim() is { Length: > 0 } text ? text : null;
}
