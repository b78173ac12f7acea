using System.Globalization;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.ProfileSets;
using FastEndpoints;
using ProfileSet = Datawijs.Api.Features.ProfileSets.Views.ProfileSet;

namespace Datawijs.Api.Features.ProfileSets.Publish;

public sealed class Endpoint(ProfileSetRepository profileSets, ProfileSetPublication publication, PublicationChecks checks) : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Post("/profile-sets/{id}/publication");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("publishProfileSet"));
        Summary(s =>
        {
            s.Summary = "Publish a draft profile set";
            s.Description = "Only when every profile is named and described (nl and en), the disclosure gate passes, the inequality check found no over-representation or a person reviewed it (`protected-over-representation`), and no figure differs from an earlier publication of the same dataset by 1 to 9 households (`publication-difference`); otherwise 409 with each blocker in invalidParams. The published view is frozen, the publication is added to the dataset's history, and the tenant's previously published set is retired. When the dataset has an outflow outcome, the time to outflow per profile is published with it (`view.outflow`), at coarsened times (`outflowStep`, default 3 months), never where fewer than 10 households are still in, counts rounded to 5.";
            s.Responses[200] = "Published.";
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

        var profiles = await profileSets.ProfilesAsync(tenant, set.Id, ct);
        var (decision, stored) = await publication.PublishAsync(set, profiles, req.OutflowStep, ct);
        switch (decision.Outcome)
        {
            case PublicationOutcome.NotDraft:
                await Problems.WriteAsync(HttpContext, 409, "not-draft", $"The profile set is {set.Status}; only a draft can be published.");
                return;
            case PublicationOutcome.Blocked:
                var numberOf = profiles.ToDictionary(p => p.Id, p => p.Cluster + 1);
                await Problems.WriteAsync(HttpContext, 409, "publication-blocked",
                    string.Create(CultureInfo.InvariantCulture, $"The profile set cannot be published yet: {decision.Blockers.Count} blocker(s); see invalidParams."),
                    decision.Blockers.Select(b => new InvalidParam(
                        b.ProfileId is { } id ? string.Create(CultureInfo.InvariantCulture, $"profiles[{numberOf[id]}]") : "profileSet", b.Code, b.Reason)).ToList());
                return;
        }

        if (stored == PublishOutcome.HistoryChanged)
        {
            await Problems.WriteAsync(HttpContext, 409, "publication-history-changed",
                "Another profile set of this dataset was published meanwhile; publish again to have this set checked against it too.");
            return;
        }

        if (stored != PublishOutcome.Published)
        {
            await Problems.WriteAsync(HttpContext, 409, "not-draft", "The profile set is no longer a draft.");
            return;
        }

        var published = await profileSets.FindAsync(tenant, set.Id, ct);
        await Send.OkAsync(ProfileSetViews.Build(published!, profiles, await checks.RunAsync(published!, ct)), ct);
    }
}
