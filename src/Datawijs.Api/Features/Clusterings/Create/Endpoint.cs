using System.Globalization;
using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Datasets;
using FastEndpoints;
using FluentValidation.Results;

namespace Datawijs.Api.Features.Clusterings.Create;

public sealed class Endpoint(DatasetRepository datasets, ClusteringRepository jobs, ClusteringSignals signals, ClusteringSettings settings, TimeProvider clock) : Endpoint<Request, Clustering>
{
    /// <summary>When to ask again after the tenant's limit of open clusterings was reached.</summary>
    public const int RetryAfterSeconds = 30;

    public override void Configure()
    {
        Post("/datasets/{id}/clusterings");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Clusterings");
        Options(b => b.WithOperationId("createClustering").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Start a k-prototypes clustering of a dataset";
            s.Description = "Queues a job and answers 202 at once; follow `Location` (GET the clustering) for progress, quality per k and the chosen k. Protected and descriptive features never enter the distance; no cluster is smaller than 10 households. A tenant may have a limited number of queued and running clusterings (`Clustering:MaxOpenPerTenant`); beyond it the answer is 429 `too-many-clusterings` with `Retry-After`.";
            s.ExampleRequest = new Request { KMin = 3, KMax = 7, Seed = 42, Restarts = 5 };
            s.Responses[202] = "Queued; Location points to the clustering.";
        });
        Description(b => b.Produces<Clustering>(202).ProducesProblems(400, 404, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var dataset = await datasets.FindAsync(caller.TenantId, req.Id, ct);
        if (dataset is null)
        {
            await Problems.NotFoundAsync(HttpContext, "dataset");
            return;
        }

        var options = new ClusteringOptions(req.K, req.KMin, req.KMax, req.Seed ?? ClusteringOptions.DefaultSeed, req.Restarts ?? ClusteringOptions.DefaultRestarts);
        if (!StoredJson.Features(dataset.Features).Any(f => f.Role == FeatureRole.Clustering))
        {
            AddError(Failure("id", "no-clustering-features", "The dataset has no feature with role clustering."));
        }

        if (dataset.RecordCount == 0)
        {
            AddError(Failure("id", "no-records", "The dataset has no records yet; upload them first."));
        }
        else
        {
            // The request's own ranges are checked by the validator; what depends on the dataset is named here.
            var records = (int)Math.Min(int.MaxValue, dataset.RecordCount);
            var domain = options.ToDomain(null);
            var tooLarge = req.K is { } k ? (k > records ? "k" : null) : domain.KMax > records ? "kMax" : null;
            if (tooLarge is not null)
            {
                AddError(Failure(tooLarge, "maximum", string.Create(CultureInfo.InvariantCulture,
                    $"'{tooLarge}' can be at most the number of records ({records}).")));
            }
            else
            {
                foreach (var problem in domain.Validate(records))
                {
                    AddError(Failure("body", "invalid", problem));
                }
            }
        }

        ThrowIfAnyErrors();

        var now = clock.GetUtcNow();
        var row = new ClusteringRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            DatasetId = dataset.Id,
            Status = ClusteringStatus.Queued,
            Options = StoredJson.Write(options),
            CreatedAt = now,
        };
        switch (await jobs.AddAsync(row, settings.MaxOpenPerTenant, ct))
        {
            case QueueOutcome.DatasetNotFound:
                await Problems.NotFoundAsync(HttpContext, "dataset");
                return;
            case QueueOutcome.TenantLimitReached:
                HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(HttpContext, 429, "too-many-clusterings", string.Create(CultureInfo.InvariantCulture,
                    $"This organisation already has {settings.MaxOpenPerTenant} clusterings queued or running. Wait until one has finished, or cancel one, and try again."));
                return;
        }

        signals.JobQueued();
        await Send.AcceptedAtAsync<Get.Endpoint>(new { id = row.Id }, Clustering.From(row), cancellation: ct);
    }

    private static ValidationFailure Failure(string field, string code, string reason) => new(field, reason) { ErrorCode = code };
}
