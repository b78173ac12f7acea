using System.Globalization;
using System.Text;
using Datawijs.Api.Features;
using Datawijs.Api.Features.Clusterings;
using Datawijs.Api.Features.Datasets;
using Datawijs.Api.Features.Datasets.Upload;
using Datawijs.Api.Features.ProfileSets;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Api.Demo;

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
    ProfileSetPublication publication,
    TimeProvider clock)
{
    public const int Households = 1000;
    public const long Seed = 20240501;

    /// <summary>The demo dataset's purpose: citizens read it among the datasets that hold their record.</summary>
    public const string Purpose = "Demo: groepen maken van huishoudens bij de voedselbank, zodat hulp beter past. De gegevens zijn verzonnen: het zijn geen echte mensen.";

    /// <summary>
    /// Per planted group (FoodBankHouseholds.GroupNames order, the food-bank pilot's five clusters): the profile's name and
    /// B1 description in Dutch and English. Like the pilot's, each description says what is relatively more frequent in the
    /// group, not what is true of every household in it.
    /// </summary>
    public static IReadOnlyList<(LocalizedText Name, LocalizedText Description)> GroupTexts { get; } =
    [
        (new("Huishoudens zonder uitkering", "Households without a benefit"),
            new("Vaak een stel zonder kinderen, rond de vijftig jaar. Zij hebben geen uitkering en ongeveer € 22.000 per jaar. Vaak wonen zij in een eigen huis.",
                "Often a couple without children, around fifty. They have no benefit and about €22,000 a year. Often they own their home.")),
        (new("Gezinnen met een WW-uitkering", "Families on unemployment benefit"),
            new("Vaak een stel met kinderen. Zij hebben een WW-uitkering en ongeveer € 18.000 per jaar. Vaker een hoge opleiding. Vaker krijgt het gezin jeugdzorg.",
                "Often a couple with children. They have unemployment benefit and about €18,000 a year. More often a high level of school. More often the family gets youth care.")),
        (new("Jonge alleenstaande ouders in de bijstand", "Young single parents on social assistance"),
            new("Vaak een ouder alleen met jonge kinderen, rond de 35 jaar. Zij leven van de bijstand, met ongeveer € 14.000 per jaar. Zij huren een huis met huurtoeslag. Vaker krijgt het gezin jeugdzorg.",
                "Often a parent alone with young children, around 35. They live on social assistance, with about €14,000 a year. They rent a home with housing allowance. More often the family gets youth care.")),
        (new("Alleenstaanden in de bijstand", "Single people on social assistance"),
            new("Vaak iemand die alleen woont, zonder kinderen. Zij leven van de bijstand, met ongeveer € 14.000 per jaar. Zij huren een huis met huurtoeslag. Dit is de grootste groep.",
                "Often someone who lives alone, without children. They live on social assistance, with about €14,000 a year. They rent a home with housing allowance. This is the largest group.")),
        (new("Huishoudens met hulp van de gemeente", "Households with help from the municipality"),
            new("Vaak een stel met kinderen. Zij hebben een uitkering omdat werken niet gaat. Zij huren een huis. Vaker krijgen zij hulp van de gemeente bij zorg of wonen.",
                "Often a couple with children. They have a benefit because they cannot work. They rent a home. More often they get help from the municipality with care or housing.")),
    ];

    private static ValuePhrase Phrase(string statementNl, string statementEn, string conditionNl, string conditionEn) =>
        new(new LocalizedText(statementNl, statementEn), new LocalizedText(conditionNl, conditionEn));

    // What a citizen reads instead of the codes of FoodBankHouseholds.Features: Dutch at B1 level, and English. Every value has
    // its own sentence ("U krijgt jeugdzorg."), so no value reads as a bare "ja" or "geen"; amounts are in euros, ages in years.
    private static readonly Dictionary<string, (LocalizedText Label, Dictionary<string, LocalizedText>? Values, string? Unit, Dictionary<string, ValuePhrase>? Phrases)> Labels = new(StringComparer.Ordinal)
    {
        ["benefitType"] = (new("uitkering", "benefit"), new(StringComparer.Ordinal)
        {
            ["none"] = new("geen uitkering", "no benefit"),
            ["unemployment"] = new("WW-uitkering", "unemployment benefit"),
            ["socialAssistance"] = new("bijstandsuitkering", "social assistance"),
            ["disability"] = new("uitkering omdat werken niet gaat", "benefit because you cannot work"),
        }, null, new(StringComparer.Ordinal)
        {
            ["none"] = Phrase("U heeft geen uitkering.", "You have no benefit.", "u geen uitkering had gehad", "you had had no benefit"),
            ["unemployment"] = Phrase("U heeft een WW-uitkering.", "You get a benefit because you lost your job.", "u een WW-uitkering had gehad", "you had got a benefit because you lost your job"),
            ["socialAssistance"] = Phrase("U heeft een bijstandsuitkering.", "You have social assistance.", "u een bijstandsuitkering had gehad", "you had had social assistance"),
            ["disability"] = Phrase("U heeft een uitkering omdat werken niet gaat.", "You have a benefit because you cannot work.",
                "u een uitkering had gehad omdat werken niet gaat", "you had had a benefit because you cannot work"),
        }),
        ["disposableIncome"] = (new("inkomen per jaar", "income per year"), null, FeatureUnits.Euro, null),
        ["education"] = (new("opleiding", "education"), new(StringComparer.Ordinal)
        {
            ["low"] = new("laag (tot en met vmbo of mbo 1)", "low (up to lower vocational school)"),
            ["middle"] = new("middelbaar (mbo 2 tot 4, havo of vwo)", "middle (vocational school, or upper secondary school)"),
            ["high"] = new("hoog (hbo of universiteit)", "high (college or university)"),
        }, null, new(StringComparer.Ordinal)
        {
            ["low"] = Phrase("U heeft school gedaan tot en met het vmbo of mbo 1.", "You went to school up to lower vocational school.",
                "u school had gedaan tot en met het vmbo of mbo 1", "you had gone to school up to lower vocational school"),
            ["middle"] = Phrase("U heeft mbo 2 tot 4, havo of vwo gedaan.", "You went to a school for a trade, or to high school.",
                "u mbo 2 tot 4, havo of vwo had gedaan", "you had gone to a school for a trade, or to high school"),
            ["high"] = Phrase("U heeft hbo of universiteit gedaan.", "You went to college.",
                "u hbo of universiteit had gedaan", "you had gone to college"),
        }),
        ["housing"] = (new("woning", "home"), new(StringComparer.Ordinal)
        {
            ["owner"] = new("een eigen huis", "a home you own"),
            ["rent"] = new("een huurhuis", "a rented home"),
            ["rentWithAllowance"] = new("een huurhuis met huurtoeslag", "a rented home with housing allowance"),
        }, null, new(StringComparer.Ordinal)
        {
            ["owner"] = Phrase("U woont in een eigen huis.", "You live in a home you own.", "u in een eigen huis had gewoond", "you had lived in a home you own"),
            ["rent"] = Phrase("U woont in een huurhuis.", "You rent your home.", "u in een huurhuis had gewoond", "you had rented your home"),
            ["rentWithAllowance"] = Phrase("U woont in een huurhuis en krijgt huurtoeslag.", "You rent your home and get housing allowance.",
                "u in een huurhuis met huurtoeslag had gewoond", "you had rented your home with housing allowance"),
        }),
        ["householdType"] = (new("soort huishouden", "type of household"), new(StringComparer.Ordinal)
        {
            ["couple"] = new("stel", "couple"),
            ["single"] = new("alleenstaand", "single"),
            ["singleParent"] = new("alleenstaande ouder", "single parent"),
        }, null, new(StringComparer.Ordinal)
        {
            ["couple"] = Phrase("U woont samen met een partner.", "You live with a partner.", "u met een partner had samengewoond", "you had lived with a partner"),
            ["single"] = Phrase("U woont alleen.", "You live alone.", "u alleen had gewoond", "you had lived alone"),
            ["singleParent"] = Phrase("U bent een ouder alleen met kinderen.", "You are a single parent.", "u een ouder alleen met kinderen was geweest", "you had been a single parent"),
        }),
        ["children"] = (new("aantal kinderen", "number of children"), null, null, null),
        ["youthCare"] = (new("jeugdzorg", "youth care"), new(StringComparer.Ordinal)
        {
            ["no"] = new("nee", "no"),
            ["yes"] = new("ja", "yes"),
        }, null, new(StringComparer.Ordinal)
        {
            ["no"] = Phrase("U krijgt geen jeugdzorg.", "You do not get youth care.", "u geen jeugdzorg had gekregen", "you had not had youth care"),
            ["yes"] = Phrase("U krijgt jeugdzorg.", "You get youth care.", "u jeugdzorg had gekregen", "you had had youth care"),
        }),
        ["wmoSupport"] = (new("hulp van de gemeente", "help from the municipality"), new(StringComparer.Ordinal)
        {
            ["no"] = new("nee", "no"),
            ["yes"] = new("ja", "yes"),
        }, null, new(StringComparer.Ordinal)
        {
            ["no"] = Phrase("U krijgt geen hulp van de gemeente bij zorg of wonen (Wmo).", "You get no help from the town with care or housing.",
                "u geen hulp van de gemeente bij zorg of wonen had gekregen", "you had not got help from the town with care or a home"),
            ["yes"] = Phrase("U krijgt hulp van de gemeente bij zorg of wonen (Wmo).", "You get help from the town with care or housing.",
                "u hulp van de gemeente bij zorg of wonen had gekregen", "you had got help from the town with care or a home"),
        }),
        ["age"] = (new("leeftijd", "age"), null, FeatureUnits.Years, null),
        ["migrationBackground"] = (new("migratieachtergrond", "migration background"), new(StringComparer.Ordinal)
        {
            ["dutch"] = new("Nederlands", "Dutch"),
            ["western"] = new("westers", "Western"),
            ["nonWestern"] = new("niet-westers", "non-Western"),
        }, null, new(StringComparer.Ordinal)
        {
            ["dutch"] = Phrase("U en uw ouders zijn in Nederland geboren.", "You and your parents were born in the Netherlands.",
                "u en uw ouders in Nederland geboren waren", "you and your parents had been born in the Netherlands"),
            ["western"] = Phrase("U of een van uw ouders is geboren in een ander westers land.", "You or one of your parents was born in another Western country.",
                "u of een ouder in een ander westers land geboren was", "you or one of your parents had been born in another Western country"),
            ["nonWestern"] = Phrase("U of een van uw ouders is geboren in een niet-westers land.", "You or one of your parents was born in a non-Western country.",
                "u of een ouder in een niet-westers land geboren was", "you or one of your parents had been born in a non-Western country"),
        }),
    };

    /// <summary>The demo's declared features: those of FoodBankHouseholds, with the labels people read.</summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } = FoodBankHouseholds.Features
        .Select(f => Labels.TryGetValue(f.Name, out var l) ? f with { Label = l.Label, ValueLabels = l.Values, Unit = l.Unit, Phrases = l.Phrases } : f)
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
            Purpose = Purpose,
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

        // A made-up count of all households in the municipality, so the profiles are also compared with all residents.
        var residents = FoodBankResidents.Generate(Households, now.Year - 1);
        if (ReferencePopulations.Validate(residents, Features, Households, now.Year) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The demo reference population is not valid: " + string.Join("; ", problems.Select(p => p.Reason)));
        }

        await datasets.SetReferencePopulationAsync(tenantId, dataset.Id, StoredJson.Write(residents), now, ct);

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

        // The same use case as POST /publication, blockers and all. The synthetic households are named, described
        // and made to pass the inequality check (no machine records a person's review); were the set ever blocked,
        // the demo would stay an unpublished draft.
        var (_, stored) = await publication.PublishAsync(set, named, null, ct);
        return stored == PublishOutcome.Published;
    }

    // Each cluster is named after the planted group most of its households come from.
    private static List<Data.ProfileSets.ProfileRow> Name(IReadOnlyList<Data.ProfileSets.ProfileRow> drafts, Domain.Clustering.ClusterModel model, SyntheticDataset data)
    {
        var votes = new int[model.K, GroupTexts.Count];
        for (var i = 0; i < data.Matrix.RowCount; i++)
        {
            votes[model.Assign(data.Matrix.Row(i)).Cluster, data.TrueGroups[i]]++;
        }

        var used = new Dictionary<int, int>();
        return drafts.Select(p =>
        {
            var group = Enumerable.Range(0, GroupTexts.Count).MaxBy(g => votes[p.Cluster, g]);
            var (name, description) = GroupTexts[group];
            var seen = used[group] = used.GetValueOrDefault(group) + 1;
            var suffix = seen > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({seen})") : "";
            return new Data.ProfileSets.ProfileRow
            {
                Id = p.Id,
                TenantId = p.TenantId,
                ProfileSetId = p.ProfileSetId,
                Cluster = p.Cluster,
                NameNl = name.Nl + suffix,
                NameEn = name.En + suffix,
                DescriptionNl = description.Nl,
                DescriptionEn = description.En,
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
