using Datawijs.Domain;
using System.Collections.Concurrent;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using PublishedProfile = Datawijs.Domain.Explanations.PublishedProfile;

using FeatureValue = Datawijs.Client.FeatureValue;
using Datawijs.Api.Features.ProfileSets;

namespace Datawijs.EndToEnd.Tests;

/// <summary>
/// Stands in for the profile sets part (issue 4): every tenant has one published set, built from a
/// small hand-made profile space (three food-bank-like profiles), unless a test unpublishes it.
/// </summary>
public sealed class TestProfileSets : IPublishedProfileSetReader
{
    public static readonly Guid YoungSingle = new("00000000-0000-7000-8000-000000000001");
    public static readonly Guid SingleParent = new("00000000-0000-7000-8000-000000000002");
    public static readonly Guid CoupleOwner = new("00000000-0000-7000-8000-000000000003");

    public static readonly IReadOnlySet<string> MutableFeatures = new HashSet<string> { "income", "benefit", "housing" };

    public static readonly ProfileSpace Space = BuildSpace();

    private readonly ConcurrentDictionary<Guid, bool> _unpublished = new();
    private readonly ConcurrentDictionary<Guid, bool> _deleted = new();

    public static readonly DateTimeOffset PublishedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public void Unpublish(Guid tenantId) => _unpublished[tenantId] = true;

    /// <summary>The tenant's set is gone, as when its dataset is deleted: neither current nor found by id.</summary>
    public void Delete(Guid tenantId) => _deleted[tenantId] = true;

    /// <summary>Each tenant's set has its own id, so a set id of one tenant is unknown to another.</summary>
    public static Guid SetIdFor(Guid tenantId)
    {
        var bytes = tenantId.ToByteArray();
        bytes[0] ^= 0x5a;
        return new Guid(bytes);
    }

    public Task<PublishedProfileSetModel?> GetCurrentAsync(Guid tenantId, CancellationToken ct) =>
        Task.FromResult(_unpublished.ContainsKey(tenantId) || _deleted.ContainsKey(tenantId) ? null : Model(tenantId));

    public Task<PublishedProfileSetModel?> FindAsync(Guid tenantId, Guid profileSetId, CancellationToken ct) =>
        Task.FromResult(profileSetId == SetIdFor(tenantId) && !_deleted.ContainsKey(tenantId) ? Model(tenantId) : null);

    private static PublishedProfileSetModel Model(Guid tenantId) =>
        new(SetIdFor(tenantId), Space, PublishedAt, 191, 20240501, DisclosureRules.Default, "Passende ondersteuning voor klanten van de voedselbank");

    /// <summary>A subject that is nearest to the single-parent profile.</summary>
    public static Dictionary<string, FeatureValue> SingleParentSubject() => new()
    {
        ["income"] = 16_800,
        ["age"] = 34,
        ["children"] = 2,
        ["benefit"] = "social_assistance",
        ["housing"] = "rent",
        ["household"] = "single_parent",
    };

    private static ProfileSpace BuildSpace()
    {
        FeatureDefinition[] features =
        [
            new("income", FeatureType.Numeric, FeatureRole.Clustering, true, Min: 0, Max: 100_000),
            new("age", FeatureType.Numeric, FeatureRole.Clustering, false, Min: 18, Max: 100),
            new("children", FeatureType.Numeric, FeatureRole.Clustering, false, Min: 0, Max: 12),
            new("benefit", FeatureType.Categorical, FeatureRole.Clustering, true, ["none", "unemployment", "social_assistance", "disability"]),
            new("housing", FeatureType.Categorical, FeatureRole.Clustering, true, ["owner", "rent", "rent_allowance"]),
            new("household", FeatureType.Categorical, FeatureRole.Clustering, false, ["couple", "single", "single_parent"]),
            new("education", FeatureType.Categorical, FeatureRole.Descriptive, true, ["low", "middle", "high"]),
            new("migration_background", FeatureType.Categorical, FeatureRole.Protected, false, ["none", "first_generation", "second_generation"]),
        ];
        var scales = new Dictionary<string, NumericScale>
        {
            ["income"] = new(18_000, 4_000, 100),
            ["age"] = new(40, 12, 1),
            ["children"] = new(1.5, 1.2, 1),
        };
        var labels = new Dictionary<string, FeatureLabel>
        {
            ["income"] = new(new LocalizedText("besteedbaar inkomen per jaar", "disposable income per year")),
            ["age"] = new(new LocalizedText("leeftijd", "age")),
            ["children"] = new(new LocalizedText("aantal kinderen", "number of children")),
            ["benefit"] = new(new LocalizedText("uitkering", "benefit"), new Dictionary<string, LocalizedText>
            {
                ["none"] = new("geen uitkering", "no benefit"),
                ["unemployment"] = new("WW", "unemployment benefit"),
                ["social_assistance"] = new("bijstand", "social assistance"),
                ["disability"] = new("arbeidsongeschiktheidsuitkering", "disability benefit"),
            }),
            ["housing"] = new(new LocalizedText("woonsituatie", "housing"), new Dictionary<string, LocalizedText>
            {
                ["owner"] = new("koophuis", "owner-occupied"),
                ["rent"] = new("huurhuis", "rented"),
                ["rent_allowance"] = new("huurhuis met huurtoeslag", "rented with housing allowance"),
            }),
            ["household"] = new(new LocalizedText("huishouden", "household"), new Dictionary<string, LocalizedText>
            {
                ["couple"] = new("stel", "couple"),
                ["single"] = new("alleenstaand", "single"),
                ["single_parent"] = new("alleenstaande ouder", "single parent"),
            }),
        };
        PublishedProfile[] profiles =
        [
            Profile(YoungSingle, "Jong en alleenstaand met bijstand", "Young and single on social assistance",
                "Vaak jonger dan 30, alleen, met bijstand en huurtoeslag.", "Often under 30, alone, on social assistance with housing allowance.",
                15_000, 27, 0, "social_assistance", "rent_allowance", "single"),
            Profile(SingleParent, "Alleenstaande ouder met een laag inkomen", "Single parent on a low income",
                "Vaak een ouder alleen met twee kinderen, met bijstand en een huurhuis.", "Often one parent with two children, on social assistance in a rented home.",
                16_500, 36, 2, "social_assistance", "rent", "single_parent"),
            Profile(CoupleOwner, "Stel met werk en een koophuis", "Working couple who own their home",
                "Vaak een stel zonder uitkering, met een koophuis.", "Often a couple without benefits who own their home.",
                24_000, 45, 1.5, "none", "owner", "couple"),
        ];
        return ProfileSpace.Create(features, scales, 0.5, profiles, labels);
    }

    private static PublishedProfile Profile(
        Guid id, string nl, string en, string descriptionNl, string descriptionEn,
        double income, double age, double children, string benefit, string housing, string household) =>
        new(id, new LocalizedText(nl, en), new Dictionary<string, Datawijs.Domain.Explanations.FeatureValue>
        {
            ["income"] = Datawijs.Domain.Explanations.FeatureValue.FromNumber(income),
            ["age"] = Datawijs.Domain.Explanations.FeatureValue.FromNumber(age),
            ["children"] = Datawijs.Domain.Explanations.FeatureValue.FromNumber(children),
            ["benefit"] = Datawijs.Domain.Explanations.FeatureValue.FromCategory(benefit),
            ["housing"] = Datawijs.Domain.Explanations.FeatureValue.FromCategory(housing),
            ["household"] = Datawijs.Domain.Explanations.FeatureValue.FromCategory(household),
        }, new LocalizedText(descriptionNl, descriptionEn));
}
