using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using FastEndpoints;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments.GetFeatures;

/// <summary>The feature catalogue of the published profile set: what an advice client sends to POST /assignments.</summary>
public sealed class Endpoint(IPublishedProfileSetReader profileSets) : EndpointWithoutRequest<AdviceFeatureCatalogue>
{
    public override void Configure()
    {
        Get("/assignments/features");
        Scopes(Auth.Scopes.AssignmentsWrite);
        Tags("Assignments");
        Options(b => b.WithOperationId("getAdviceFeatures"));
        Summary(s =>
        {
            s.Summary = "The features an advice request sends, with their allowed values and ranges";
            s.Description = """
                The feature catalogue of the tenant's published profile set: every feature `POST /assignments` needs in
                `features` (all required), with its type, whether it takes whole numbers only, its range (min, max) or its
                allowed values, whether it can change, and labels in Dutch and English. Protected features, descriptive
                features and the outflow outcome are never listed: never send them. 404 `no-published-profile-set` when
                nothing is published. The catalogue changes only when another set is published (see `profileSetId`).
                """;
            s.Responses[404] = "The tenant has no published profile set: no advice can be given, so nothing is to be sent.";
        });
        Description(b => b.Produces<AdviceFeatureCatalogue>(200).ProducesProblems(404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var model = await profileSets.GetCurrentAsync(HttpContext.Caller().TenantId, ct);
        if (model is null)
        {
            await Problems.WriteAsync(HttpContext, 404, "no-published-profile-set",
                "The tenant has no published profile set, so no advice can be given and no features are asked.");
            return;
        }

        await Send.OkAsync(AdviceFeatureCatalogue.From(model), ct);
    }
}
