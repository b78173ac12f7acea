using Datawijs.Domain.Privacy;
using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Domain.Explanations;
using FastEndpoints;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.Api.Features.Assignments.Create;

public sealed class Endpoint(
    IPublishedProfileSetReader profileSets,
    AssignmentRepository assignments,
    AccessLogWriter accessLog,
    AssignmentReads reads,
    TimeProvider clock) : Endpoint<Request, Assignment>
{
    public override void Configure()
    {
        Post("/assignments");
        Scopes(Auth.Scopes.AssignmentsWrite);
        Tags("Assignments");
        Options(b => b.WithOperationId("createAssignment").WithMetadata(new LocalizedAttribute())
            .WithMetadata(new IdempotentAttribute { ReplaysCurrentResource = true })
            .WithMetadata(new AuditedAttribute(ProcessingActivities.ProfileAdvice, DefaultReasons.AssignmentCreate.Nl)));
        Summary(s =>
        {
            s.Summary = "Ask which profile fits a client, as advice";
            s.Description = """
                Assigns the subject to the nearest profile of the tenant's published profile set and explains why:
                distances to every profile, the margin (flagged uncertain when small), the exact per-feature terms and
                verified counterfactuals in mutable features only. This is advice; a person decides
                (`POST /assignments/{id}/decisions`). 409 when no profile set is published, and while the subject has an
                open objection (or one was upheld): then the advice is not given. Text is Dutch B1 unless `Accept-Language: en`.
                A retry with the same `Idempotency-Key` answers 201 with the same assignment as it stands now (as
                `GET /assignments/{id}` would: contested while an objection is open), and is written to the access log;
                410 when it no longer exists.
                """;
            s.Responses[409] = "No published profile set, or the subject objected (open or upheld objection): the advice is not given.";
            s.ExampleRequest = new Request
            {
                SubjectId = "999990019",
                Features = new()
                {
                    ["income"] = System.Text.Json.JsonSerializer.SerializeToElement(16_500),
                    ["age"] = System.Text.Json.JsonSerializer.SerializeToElement(34),
                    ["benefit"] = System.Text.Json.JsonSerializer.SerializeToElement("social_assistance"),
                },
            };
        });
        Description(b => b.Produces<Assignment>(201).ProducesProblems(400, 409, 410, 422));

        // The features are checked against the published set in the handler; the request's own problems join them there.
        DontThrowIfValidationFails();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = Caller.From(User);
        var language = RequestLanguage.From(HttpContext);
        if (HttpContext.Features.Get<IdempotentReplay>() is { } replay)
        {
            await ReplayAsync(replay, caller, language, ct);
            return;
        }

        var problems = ValidationFailed ? Problems.InvalidParamsOf(ValidationFailures) : [];
        var model = await profileSets.GetCurrentAsync(caller.TenantId, ct);
        if (model is null && problems.Count == 0)
        {
            await Problems.WriteAsync(HttpContext, 409, "no-published-profile-set",
                "The tenant has no published profile set, so no advice can be given.");
            return;
        }

        // Every problem at once: the request's own and those of each feature against the published set.
        ExplanationResult? result = null;
        Dictionary<string, FeatureValue>? features = null;
        if (model is not null && req.Features is not null && problems.All(p => p.Name != "features"))
        {
            var featureProblems = new List<InvalidParam>();
            features = Advice.ReadFeatures(req.Features, featureProblems);
            result = Explainer.Explain(model.Space, features);
            problems.AddRange(featureProblems);
            problems.AddRange(result.Problems
                .Where(p => featureProblems.All(known => known.Name != "features." + p.Name))
                .Select(p => new InvalidParam("features." + p.Name, p.Code, p.Reason)));
        }

        if (problems.Count > 0 || model is null || features is null || result?.Explanation is not { } explanation)
        {
            await Problems.WriteAsync(HttpContext, 400, "invalid-params", "One or more inputs cannot be used; see invalidParams.", problems);
            return;
        }

        var pseudonym = accessLog.Pseudonymise(caller.TenantId, SubjectIds.Canonical(req.SubjectId, SubjectIdKind.Bsn, out _)!);

        var now = clock.GetUtcNow();
        var row = new AssignmentRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            SubjectPseudonym = pseudonym,
            ProfileSetId = model.ProfileSetId,
            ProfileId = explanation.ProfileId,
            Features = Advice.Store(model.Space, features),
            Uncertain = explanation.Uncertain,
            CreatedAt = now,
            ClientId = caller.ClientId,
            UserId = AccessLogWriter.Person(caller.UserId),
            UserRepresentation = AccessLogWriter.Person(caller.UserRepresentation),
        };
        var restriction = await assignments.AddUnlessRestrictedAsync(row, accessLog.Entry(HttpContext, pseudonym, AuditActions.AssignmentCreate, row.Id, now), ct);
        if (restriction.Restricted)
        {
            await Problems.WriteAsync(HttpContext, 409, restriction.HasOpen ? "objection-open" : "objection-upheld",
                restriction.HasOpen
                    ? "The subject objected to the use of profiles; while the objection is open the advice is not given."
                    : "An objection of the subject was upheld; profiles are no longer used for this subject.");
            return;
        }

        RequestLanguage.Apply(HttpContext, language);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, Advice.View(row, model, explanation, language, default, null), cancellation: ct);
    }

    // The advice this key created, as it stands now: never advice an objection has stopped since.
    private async Task ReplayAsync(IdempotentReplay replay, Caller caller, Domain.Language language, CancellationToken ct)
    {
        if (replay.ResourceId is not { } id || await reads.ReadAsync(HttpContext, caller.TenantId, id, language, ct) is not { } view)
        {
            await Problems.WriteAsync(HttpContext, StatusCodes.Status410Gone, "gone",
                "The assignment made with this Idempotency-Key no longer exists.");
            return;
        }

        RequestLanguage.Apply(HttpContext, language);
        HttpContext.Response.Headers.Location = replay.Location;
        await Send.ResponseAsync(view, StatusCodes.Status201Created, ct);
    }
}
