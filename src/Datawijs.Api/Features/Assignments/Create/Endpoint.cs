using Datawijs.Domain.Privacy;
using Datawijs.Api.Audit;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Assignments;
using Datawijs.Domain.Assignments;
using Datawijs.Domain.Explanations;
using FastEndpoints;
using FluentValidation.Results;
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
        var caller = HttpContext.Caller();
        var language = RequestLanguage.From(HttpContext);
        if (HttpContext.Features.Get<IdempotentReplay>() is { } replay)
        {
            await ReplayAsync(replay, caller, language, ct);
            return;
        }

        var model = await profileSets.GetCurrentAsync(caller.TenantId, ct);
        if (model is null)
        {
            ThrowIfAnyErrors();
            await Problems.WriteAsync(HttpContext, 409, "no-published-profile-set",
                "The tenant has no published profile set, so no advice can be given.");
            return;
        }

        // Every problem at once: the request's own (kept by DontThrowIfValidationFails) and each feature's against the published set.
        var (features, result) = Explain(req, model);
        ThrowIfAnyErrors();
        if (result?.Explanation is not { } explanation)
        {
            ThrowError("The features cannot be used.", "invalid");
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
            Features = StoredAdvice.Store(model.Space, features!),
            Uncertain = explanation.Uncertain,
            CreatedAt = now,
            ClientId = caller.ClientId,
            UserId = AccessLogWriter.Person(caller.UserId),
            UserRepresentation = AccessLogWriter.Person(caller.UserRepresentation),
        };
        var restriction = await assignments.AddUnlessRestrictedAsync(row, accessLog.Entry(HttpContext, pseudonym, AuditActions.AssignmentCreate, row.Id, now), ct);
        switch (Domain.Assignments.Assignment.RefusesNewAdvice(restriction))
        {
            case AdviceRefusal.ObjectionOpen:
                await Problems.WriteAsync(HttpContext, 409, "objection-open",
                    "The subject objected to the use of profiles; while the objection is open the advice is not given.");
                return;
            case AdviceRefusal.ObjectionUpheld:
                await Problems.WriteAsync(HttpContext, 409, "objection-upheld",
                    "An objection of the subject was upheld; profiles are no longer used for this subject.");
                return;
        }

        RequestLanguage.Apply(HttpContext, language);
        var view = Assignment.From(row, row.ToAssignment().StatusWith(restriction), model, explanation, language, latestObjection: null);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, view, cancellation: ct);
    }

    /// <summary>
    /// The request's features explained against the published set, each problem added as an error named
    /// features.&lt;name&gt;; nulls when the features cannot be checked (missing, or the request's own rule on them failed).
    /// </summary>
    private (Dictionary<string, FeatureValue>? Features, ExplanationResult? Result) Explain(Request req, PublishedProfileSetModel model)
    {
        if (req.Features is null || ValidationFailures.Any(f => f.PropertyName is nameof(Request.Features) or "features" or "$.features"))
        {
            return (null, null);
        }

        var wrongType = new List<string>();
        var features = RequestFeatures.Read(req.Features, wrongType);
        foreach (var name in wrongType)
        {
            AddError(new ValidationFailure("features." + name, "Expected a number or a string.") { ErrorCode = "wrong-type" });
        }

        var result = Explainer.Explain(model.Space, features);
        foreach (var problem in result.Problems.Where(p => !wrongType.Contains(p.Name)))
        {
            AddError(new ValidationFailure("features." + problem.Name, problem.Reason) { ErrorCode = problem.Code });
        }

        return (features, result);
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
