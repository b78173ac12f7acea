using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.ProfileSets;
using FastEndpoints;

namespace Datawijs.Api.Features.ProfileSets.ReviewFairness;

public sealed class Endpoint(
    ProfileSetRepository profileSets,
    ProfileHistoryRepository history,
    PublicationChecks checks,
    TimeProvider clock,
    ILogger<Endpoint> log) : Endpoint<Request, ProfileSet>
{
    public override void Configure()
    {
        Post("/profile-sets/{id}/fairness-review");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Profile sets");
        Options(b => b.WithOperationId("reviewProfileSetFairness").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Record a person's review of the inequality check";
            s.Description = """
                When the inequality check finds a protected group over-represented in a profile, the draft cannot be published
                (`protected-over-representation`) until a person reviews it. The token must name that person (`user_id`, and
                `user_representation`); the reasoning is required (at least 20 characters, 10 letters and 3 words) and is published
                with the set (public page and register entry), with the date but without the person's name; the public text never says
                which profile or group was found. Who, when, why and the findings reviewed are stored with the set. A review lifts only
                the findings it saw: when the draft's findings change afterwards (e.g. a lower Fairness:MaximumRatio), the blocker comes
                back for the new ones, and a new review replaces the earlier one for all current findings. 409 when the set is not a
                draft, when the check found nothing to review, or when every current finding was already reviewed.
                """;
            s.Responses[201] = "Reviewed: the set as it stands now, without the protected-over-representation blockers.";
            s.Responses[409] = "Not a draft, nothing to review, or every current finding already reviewed.";
            s.ExampleRequest = new Request
            {
                Reasoning = "Dit profiel beschrijft de vraag naar schuldhulp in de wijk waar veel nieuwkomers wonen; het advies verandert niets aan wie hulp krijgt. Besproken met de privacy officer.",
            };
        });
        Description(b => b.Produces<ProfileSet>(201).ProducesProblems(400, 404, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        if (string.IsNullOrWhiteSpace(AccessLogWriter.Person(caller.UserId)))
        {
            await Problems.WriteAsync(HttpContext, 400, "user-required",
                "Only a person can lift this blocker: the token must carry user_id (and user_representation) of the reviewer.");
            return;
        }

        var set = await profileSets.FindAsync(caller.TenantId, req.Id, ct);
        if (set is null)
        {
            await Problems.NotFoundAsync(HttpContext, "profile set");
            return;
        }

        if (set.Status != ProfileSetStatus.Draft)
        {
            await Problems.WriteAsync(HttpContext, 409, "not-draft", $"The profile set is {set.Status}; only a draft's check can be reviewed.");
            return;
        }

        var check = await checks.RunAsync(set, ct);
        if (check.Review is not null && check.Unreviewed.Count == 0)
        {
            await Problems.WriteAsync(HttpContext, 409, "fairness-reviewed", "Every finding of the inequality check of this profile set was already reviewed.");
            return;
        }

        if (!check.Fairness.OverRepresentationFound)
        {
            await Problems.WriteAsync(HttpContext, 409, "nothing-to-review", "The inequality check found no over-representation in this profile set; there is nothing to review.");
            return;
        }

        var profiles = await profileSets.ProfilesAsync(caller.TenantId, set.Id, ct);
        var now = clock.GetUtcNow();
        var review = new FairnessReviewRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            ProfileSetId = set.Id,
            Findings = StoredJson.Write(PublicationChecks.Findings(check.Fairness.Findings, profiles, ProfileSetViews.Description(set).Features)),
            Reasoning = req.Reasoning!.Trim(),
            ReviewedAt = now,
            ClientId = caller.ClientId,
            UserId = AccessLogWriter.Person(caller.UserId)!,
            UserRepresentation = AccessLogWriter.Person(caller.UserRepresentation),
        };
        // A review whose findings no longer cover the draft's is replaced by one over all current findings.
        if (!(check.Review is { } earlier ? await history.ReplaceReviewAsync(earlier.Id, review, ct) : await history.AddReviewAsync(review, ct)))
        {
            await Problems.WriteAsync(HttpContext, 409, "fairness-reviewed", "The profile set was reviewed or changed meanwhile.");
            return;
        }

        log.LogInformation("Fairness review {ReviewId} of profile set {ProfileSetId} recorded by client {ClientId} ({Findings} finding(s)).",
            review.Id, set.Id, caller.ClientId, check.Fairness.Findings.Count);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = set.Id }, ProfileSetViews.Build(set, profiles, await checks.RunAsync(set, ct)), cancellation: ct);
    }
}
