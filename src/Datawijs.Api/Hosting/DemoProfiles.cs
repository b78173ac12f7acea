using System.Globalization;
using System.Text;
using Datawijs.Api.Features;
using Datawijs.Api.Features.Assignments;
using Datawijs.Api.Features.Clusterings;
using Datawijs.Api.Features.Datasets;
using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Api.Hosting;

/// <summary>
/// Development only: at the first start, the demo tenant gets a published profile set made from
/// synthetic food-bank households (FoodBankHouseholds, five planted groups) through the same
/// upload, clustering and publication code as the API. Synthetic data only; never runs elsewhere.
/// </summary>
public sealed class DemoProfiles(
    DatasetRepository datasets,
    ClusteringRepository clusterings,
    ProfileSetRepository profileSets,
    RecordUploader uploader,
    ClusteringRunner runner,
    PublicationChecks checks,
    OutflowAnalysis outflow,
    TimeProvider clock)
{
    public const int Households = 1000;
    public const long Seed = 20240501;

    // Per planted group (FoodBankHouseholds.GroupNames order): Dutch name, English name, Dutch B1 description, English description.
    private static readonly (string NameNl, string NameEn, string DescriptionNl, string DescriptionEn)[] Texts =
    [
        ("Jonge alleenstaande ouders in de bijstand", "Young single parents on social assistance",
            "Vaak een alleenstaande ouder van rond de dertig met kinderen. Leeft van een bijstandsuitkering en huurt een huis met huurtoeslag.",
            "Often a single parent around thirty with children, living on social assistance and renting with a housing allowance."),
        ("Oudere alleenstaanden met een arbeidsongeschiktheidsuitkering", "Older singles with a disability benefit",
            "Vaak alleenstaand en rond de zestig. Heeft een uitkering omdat werken niet meer gaat, en krijgt vaak hulp via de Wmo.",
            "Often single and around sixty, on a disability benefit and often with support under the WMO."),
        ("Werkende stellen met kinderen", "Working couples with children",
            "Vaak een stel met kinderen en zonder uitkering. Heeft vaker een eigen huis en een wat hoger inkomen dan de andere groepen.",
            "Often a couple with children and no benefit, more often owning their home and with a somewhat higher income than the other groups."),
        ("Alleenstaanden met een WW-uitkering", "Unemployed singles",
            "Vaak alleenstaand en rond de vijfendertig, zonder kinderen. Heeft een WW-uitkering, huurt een huis en heeft vaker een middelbare of hoge opleiding.",
            "Often single and around thirty-five without children, on unemployment benefit, renting, and more often with a middle or higher education."),
        ("Stellen in de bijstand met zorgvragen", "Couples on social assistance with care needs",
            "Vaak een stel van rond de vijftig in de bijstand, met een kind. Krijgt vaker hulp via de Wmo of jeugdzorg.",
            "Often a couple around fifty on social assistance with one child, more often with WMO support or youth care."),
    ];

    // What a citizen reads instead of the codes of FoodBankHouseholds.Features: Dutch at B1 level, and English.
    private static readonly Dictionary<string, (LocalizedText Label, Dictionary<string, LocalizedText>? Values)> Labels = new(StringComparer.Ordinal)
    {
        ["benefitType"] = (new("uitkering", "benefit"), new(StringComparer.Ordinal)
        {
            ["none"] = new("geen", "none"),
            ["unemployment"] = new("WW-uitkering", "unemployment benefit"),
            ["socialAssistance"] = new("bijstandsuitkering", "social assistance"),
            ["disability"] = new("arbeidsongeschiktheidsuitkering", "disability benefit"),
        }),
        ["disposableIncome"] = (new("besteedbaar inkomen per jaar", "disposable income per year"), null),
        ["education"] = (new("opleiding", "education"), new(StringComparer.Ordinal)
        {
            ["low"] = new("laag (basisschool of vmbo)", "low"),
            ["middle"] = new("middelbaar (havo, vwo of mbo)", "middle"),
            ["high"] = new("hoog (hbo of universiteit)", "high"),
        }),
        ["housing"] = (new("woning", "housing"), new(StringComparer.Ordinal)
        {
            ["owner"] = new("een eigen huis", "a home you own"),
            ["rent"] = new("een huurhuis", "a rented home"),
            ["rentWithAllowance"] = new("een huurhuis met huurtoeslag", "a rented home with housing allowance"),
        }),
        ["householdType"] = (new("soort huishouden", "type of household"), new(StringComparer.Ordinal)
        {
            ["couple"] = new("stel", "couple"),
            ["single"] = new("alleenstaand", "single"),
            ["singleParent"] = new("alleenstaande ouder", "single parent"),
        }),
        ["children"] = (new("aantal kinderen", "number of children"), null),
        ["youthCare"] = (new("jeugdzorg in het gezin", "youth care in the family"), new(StringComparer.Ordinal)
        {
            ["no"] = new("nee", "no"),
            ["yes"] = new("ja", "yes"),
        }),
        ["wmoSupport"] = (new("hulp via de Wmo", "support under the WMO"), new(StringComparer.Ordinal)
        {
            ["no"] = new("nee", "no"),
            ["yes"] = new("ja", "yes"),
        }),
        ["age"] = (new("leeftijd", "age"), null),
        ["migrationBackground"] = (new("migratieachtergrond", "migration background"), new(StringComparer.Ordinal)
        {
            ["dutch"] = new("Nederlands", "Dutch"),
            ["western"] = new("westers", "Western"),
            ["nonWestern"] = new("niet-westers", "non-Western"),
        }),
    };

    /// <summary>The demo's declared features: those of FoodBankHouseholds, with the labels people read.</summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } = FoodBankHouseholds.Features
        .Select(f => Labels.TryGetValue(f.Name, out var l) ? f with { Label = l.Label, ValueLabels = l.Values } : f)
        .Concat(FoodBankOutflow.Features) // the outflow outcome: months as a client, and left or still a client
        .ToList();

    /// <summary>
    /// The synthetic BSN of demo household <paramref name="row"/> (0-based): the row-th number from 999900000 upward
    /// that passes the eleven-test. Test numbers only; household 0 is the demo citizen.
    /// </summary>
    public static string SubjectId(int row) => SyntheticBsns(row + 1)[row];

    private static List<string> SyntheticBsns(int count)
    {
        var ids = new List<string>(count);
        for (var n = 999_900_000; ids.Count < count; n++)
        {
            var text = n.ToString(CultureInfo.InvariantCulture);
            if (Domain.Privacy.SubjectIds.PassesElevenTest(text))
            {
                ids.Add(text);
            }
        }

        return ids;
    }

    /// <summary>The clustering features of demo household 0, the demo citizen, as a case worker would send them.</summary>
    public static Dictionary<string, Domain.Explanations.FeatureValue> CitizenFeatures()
    {
        var data = FoodBankHouseholds.Generate(Households, Seed);
        var values = new Dictionary<string, Domain.Explanations.FeatureValue>(StringComparer.Ordinal);
        for (var f = 0; f < data.Features.Count; f++)
        {
            values[data.Features[f].Name] = data.Features[f].Type == FeatureType.Numeric
                ? Domain.Explanations.FeatureValue.FromNumber(data.Matrix.Numeric(f)[0])
                : Domain.Explanations.FeatureValue.FromCategory(data.Matrix.CategoryValues(f)[data.Matrix.Categorical(f)[0]]);
        }

        return values;
    }

    /// <summary>Publishes the demo set unless the tenant already has a dataset (so only at the first start). Returns whether it did.</summary>
    public async Task<bool> EnsureAsync(Guid tenantId, CancellationToken ct = default)
    {
        if ((await datasets.PageAsync(tenantId, null, 1, ct)).Items.Count > 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var data = FoodBankHouseholds.Generate(Households, Seed);
        var dataset = new DatasetRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = "Voedselbank Demogemeente (synthetisch)",
            Purpose = "Demo: groups of food-bank households to tailor support. Synthetic data, no real people.",
            Features = StoredJson.Write(Features),
            SubjectIdKind = "bsn",
            RetentionUntil = new DateTimeOffset(now.UtcDateTime.Date.AddYears(1), TimeSpan.Zero),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await datasets.AddAsync(dataset, ct);
        using var csv = new StringReader(Csv(data));
        var upload = await uploader.UploadAsync(dataset, new CsvRecordReader(csv, Features), ct);
        if (!upload.Stored)
        {
            throw new InvalidOperationException("The demo data did not upload: " + string.Join("; ", upload.Problems.Select(p => p.Reason)));
        }

        var job = new ClusteringRow
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            DatasetId = dataset.Id,
            Status = ClusteringStatus.Queued,
            Options = StoredJson.Write(new ClusteringOptions(5, null, null, Seed, ClusteringOptions.DefaultRestarts)),
            CreatedAt = now,
        };
        await clusterings.AddAsync(job, ct: ct);
        if (await runner.RunAsync(job, ct) is null)
        {
            // Another instance on the same database claimed it first: wait for its result.
            for (var waited = 0; waited < 600 && (await clusterings.FindAsync(tenantId, job.Id, ct))?.Status is ClusteringStatus.Queued or ClusteringStatus.Running; waited++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }

        if ((await clusterings.FindAsync(tenantId, job.Id, ct))?.Status != ClusteringStatus.Succeeded)
        {
            throw new InvalidOperationException("The demo clustering did not succeed.");
        }

        var clustering = (await clusterings.FindAsync(tenantId, job.Id, ct))!;
        var (set, drafts) = ProfileSetFactory.Draft(upload.Dataset!, clustering, clock.GetUtcNow());
        var named = Name(drafts, StoredJson.ReadModel(clustering.Model!), data);
        await profileSets.AddAsync(set, named, ct);
        var description = ProfileSetViews.Description(set);
        var outcome = DisclosureGate.Apply(description);
        var at = clock.GetUtcNow();
        var check = await checks.RunAsync(set, description, outcome.Report, at, ct);

        // The same checks as POST /publication. The synthetic households are made to pass the inequality check
        // (no machine records a person's review); if they ever did not, the demo would stay an unpublished draft.
        if (outcome.ProfileSet is null || PublicationChecks.Blockers(check, named, description.Features).Count > 0)
        {
            return false;
        }

        var view = ProfileSetViews.View(
            StoredJson.Read<MethodView>(set.Method), outcome.ProfileSet, named, description.Features, PublicationChecks.View(check, named, description.Features));
        if ((await outflow.RunAsync(set, named, OutflowAnalysis.ByProfile, withCox: false, ct)).Figures is { } figures)
        {
            view = new ProfileSetView
            {
                Method = view.Method, Population = view.Population, Profiles = view.Profiles, Fairness = view.Fairness,
                Outflow = PublishedOutflowView.From(figures, PublishedOutflow.DefaultStep(figures.Unit)),
            };
        }

        return await profileSets.PublishAsync(tenantId, set.Id, StoredJson.Write(view), at, PublicationChecks.PublicationRow(set, check), check.EarlierPublications, ct)
            == PublishOutcome.Published;
    }

    // Each cluster is named after the planted group most of its households come from.
    private static List<Data.ProfileSets.ProfileRow> Name(IReadOnlyList<Data.ProfileSets.ProfileRow> drafts, Domain.Clustering.ClusterModel model, SyntheticDataset data)
    {
        var votes = new int[model.K, Texts.Length];
        for (var i = 0; i < data.Matrix.RowCount; i++)
        {
            votes[model.Assign(data.Matrix.Row(i)).Cluster, data.TrueGroups[i]]++;
        }

        var used = new Dictionary<int, int>();
        return drafts.Select(p =>
        {
            var group = Enumerable.Range(0, Texts.Length).MaxBy(g => votes[p.Cluster, g]);
            var (nameNl, nameEn, descriptionNl, descriptionEn) = Texts[group];
            var seen = used[group] = used.GetValueOrDefault(group) + 1;
            var suffix = seen > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({seen})") : "";
            return new Data.ProfileSets.ProfileRow
            {
                Id = p.Id,
                TenantId = p.TenantId,
                ProfileSetId = p.ProfileSetId,
                Cluster = p.Cluster,
                NameNl = nameNl + suffix,
                NameEn = nameEn + suffix,
                DescriptionNl = descriptionNl,
                DescriptionEn = descriptionEn,
                UpdatedAt = p.UpdatedAt,
            };
        }).ToList();
    }

    private static string Csv(SyntheticDataset data)
    {
        var ids = SyntheticBsns(data.Matrix.RowCount);
        var (months, left) = FoodBankOutflow.Generate(data, Seed);
        var sb = new StringBuilder("subjectId," + string.Join(',', data.Features.Select(f => f.Name)) + "," + FoodBankOutflow.DurationFeature + "," + FoodBankOutflow.EventFeature + "\n");
        for (var i = 0; i < data.Matrix.RowCount; i++)
        {
            sb.Append(ids[i]);
            for (var f = 0; f < data.Features.Count; f++)
            {
                sb.Append(',').Append(data.Features[f].Type == FeatureType.Numeric
                    ? data.Matrix.Numeric(f)[i].ToString(CultureInfo.InvariantCulture)
                    : data.Matrix.CategoryValues(f)[data.Matrix.Categorical(f)[i]]);
            }

            sb.Append(',').Append(months[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(left[i] ? FoodBankOutflow.Left : FoodBankOutflow.StillClient);
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
