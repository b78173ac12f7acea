using Datawijs.Api.Auth;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.Create;

public sealed class Endpoint(ClusteringRepository clusterings, DatasetRepository datasets, ProfileSetRepository profileSets, PublicationChecks checks, TimeProvider clock)
    : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Post("/profile-sets");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("createProfileSet").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Make a draft profile set from a clustering";
            s.Description = "One profile per cluster: size, what distinguishes it (lift against all households with a significance test), medians, and protected features against the population. Every figure passes the disclosure gate; name and describe each profile, then publish.";
        });
        Description(b => b.Produces<ProfileSet>(201).ProducesProblems(400, 404, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var tenant = HttpContext.Caller().TenantId;
        var clustering = await clusterings.FindAsync(tenant, req.ClusteringId!.Value, ct);
        var dataset = clustering is null ? null : await datasets.FindAsync(tenant, clustering.DatasetId, ct);
        if (clustering is null || dataset is null)
        {
            await Problems.NotFoundAsync(HttpContext, "clustering");
            return;
        }

        if (clustering.Status != ClusteringStatus.Succeeded || clustering.Description is null || clustering.Outcome is null)
        {
            await Problems.WriteAsync(HttpContext, 409, "clustering-not-succeeded", $"The clustering is {clustering.Status}; a profile set needs a succeeded clustering.");
            return;
        }

        var (row, profiles) = ProfileSetFactory.Draft(dataset, clustering, clock.GetUtcNow());
        await profileSets.AddAsync(row, profiles, ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, ProfileSetViews.Build(row, profiles, await checks.RunAsync(row, ct)), cancellation: ct);
    }
}
