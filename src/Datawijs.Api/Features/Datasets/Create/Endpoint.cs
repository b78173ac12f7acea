using Datawijs.Api.Auth;
using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Datasets;
using Datawijs.Domain.Datasets;
using FastEndpoints;

namespace Datawijs.Api.Features.Datasets.Create;

public sealed class Endpoint(DatasetRepository datasets, TimeProvider clock) : Endpoint<Request, Dataset>
{
    public override void Configure()
    {
        Post("/datasets");
        Scopes(Auth.Scopes.ProfilesManage);
        Tags("Datasets");
        Options(b => b.WithOperationId("createDataset").WithMetadata(new IdempotentAttribute()));
        Summary(s =>
        {
            s.Summary = "Declare a dataset of pseudonymised household records";
            s.Description = "Declares the features (categorical with allowed values, or numeric with a range; role clustering, descriptive or protected, or the outflow outcome: one numeric feature with role duration and one categorical with role event and its eventValue, plus durationUnit; optionally a label and, for categorical features, value labels in Dutch and English that people read instead of the codes), the purpose and the retention date. Upload records next.";
            s.ExampleRequest = new Request
            {
                Name = "Voedselbank 2026",
                Purpose = "Find groups of households to tailor support.",
                RetentionUntil = new DateOnly(2027, 12, 31),
                Features =
                [
                    new DatasetFeatureInput
                    {
                        Name = "benefitType", Type = "categorical", Values = ["none", "unemployment", "socialAssistance", "disability"], Role = "clustering", Mutable = true,
                        Label = new FeatureLabelInput { Nl = "uitkering", En = "benefit" },
                        ValueLabels = new()
                        {
                            ["none"] = new FeatureLabelInput { Nl = "geen uitkering", En = "no benefit" },
                            ["socialAssistance"] = new FeatureLabelInput { Nl = "bijstandsuitkering", En = "social assistance" },
                        },
                        Phrases = new()
                        {
                            ["none"] = new ValuePhraseInput
                            {
                                Statement = new FeatureLabelInput { Nl = "U krijgt geen uitkering.", En = "You receive no benefit." },
                                Condition = new FeatureLabelInput { Nl = "u geen uitkering had gekregen", En = "you had received no benefit" },
                            },
                        },
                    },
                    new DatasetFeatureInput
                    {
                        Name = "disposableIncome", Type = "numeric", Min = 0, Max = 200_000, Role = "clustering", Mutable = true,
                        Label = new FeatureLabelInput { Nl = "besteedbaar inkomen per jaar", En = "disposable income per year" }, Unit = "euro",
                    },
                    new DatasetFeatureInput { Name = "migrationBackground", Type = "categorical", Values = ["dutch", "western", "nonWestern"], Role = "protected", Mutable = false },
                ],
            };
        });
        Description(b => b.Produces<Dataset>(201).ProducesProblems(400, 409, 422));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var now = clock.GetUtcNow();
        var retention = req.RetentionUntil!.Value;

        var features = req.Features!.Select(f => new DatasetFeature
        {
            Name = f.Name!,
            Type = f.Type!,
            Values = f.Type == "categorical" ? f.Values : null,
            Min = f.Min,
            Max = f.Max,
            WholeNumber = f.Type == "numeric" && f.WholeNumber == true,
            Role = f.Role!,
            Mutable = f.Mutable!.Value,
            Label = f.Label is null ? null : new FeatureLabelText { Nl = f.Label.Nl!, En = f.Label.En! },
            ValueLabels = f.ValueLabels?.ToDictionary(kv => kv.Key, kv => new FeatureLabelText { Nl = kv.Value.Nl!, En = kv.Value.En! }, StringComparer.Ordinal),
            EventValue = f.EventValue,
            Unit = f.Type == "numeric" ? f.Unit : null,
            Phrases = f.Phrases?.ToDictionary(
                kv => kv.Key,
                kv => new ValuePhraseText
                {
                    Statement = new FeatureLabelText { Nl = kv.Value.Statement!.Nl!, En = kv.Value.Statement.En! },
                    Condition = new FeatureLabelText { Nl = kv.Value.Condition!.Nl!, En = kv.Value.Condition.En! },
                },
                StringComparer.Ordinal),
        }.ToDomain()).Select(f => f.Role == FeatureRole.Duration ? f with { DurationUnit = FeatureNames.UnitFrom(req.DurationUnit!) } : f).ToList();
        var row = new DatasetRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = caller.TenantId,
            Name = req.Name!.Trim(),
            Purpose = req.Purpose!.Trim(),
            Features = StoredJson.Write(features),
            RetentionUntil = new DateTimeOffset(retention.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            RecordCount = 0,
            SubjectIdKind = req.SubjectIdKind ?? "bsn",
            CreatedAt = now,
            UpdatedAt = now,
        };
        await datasets.AddAsync(row, ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = row.Id }, Dataset.From(row), cancellation: ct);
    }
}
