using Datawijs.Api.Admin;
using Datawijs.Api.Features.Scans;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Demo;

/// <summary>
/// Development only: maturity scans to look at on the first start. The demo tenant gets one municipality
/// with two completed scans a year apart (respondents in four roles, targets set); four synthetic peer
/// tenants get five organisations each with three completed scans over two years. Twenty organisations of
/// four other tenants pass the peer thresholds (5 organisations of 3 tenants), also per tier, so the demo
/// scan's score, radar chart, score history and the benchmarks show real figures. Every id is fixed, so a
/// restart finds what it made and adds nothing (a scan left open by an interrupted start is completed).
/// All names and answers are made up. Never runs elsewhere.
/// </summary>
public sealed class DemoMaturity(
    TenantAdministration administration,
    OrganisationRepository organisations,
    ScanRepository scans,
    StoredScores scores,
    TimeProvider clock)
{
    public const int PeerTenantCount = 4;
    public const int OrganisationsPerPeerTenant = 5;

    /// <summary>The model every demo scan uses: the current full questionnaire.</summary>
    public static MaturityModel Model => DefaultMaturityModels.FullV2;

    /// <summary>The demo tenant's municipality.</summary>
    public static Guid OrganisationId { get; } = Id(0xd001);

    /// <summary>The demo tenant's latest completed scan: the one the README points at.</summary>
    public static Guid ScanId { get; } = Id(0xd012);

    /// <summary>The demo tenant's first completed scan, a year before <see cref="ScanId"/>.</summary>
    public static Guid EarlierScanId { get; } = Id(0xd011);

    public static string PeerTenantSlug(int index) => $"demo-peer-{index + 1}";

    private static readonly Dictionary<string, int> NoTargets = new(StringComparer.Ordinal);

    private static readonly string[] Roles = ["bestuurder", "manager", "beleidsmedewerker", "uitvoering"];

    // How each role tends to see the organisation: leaders more rosy than the people doing the work.
    private static readonly double[] RoleOffsets = [0.4, 0.1, -0.1, -0.4];

    private static readonly Dictionary<string, double> CategoryOffsets = new(StringComparer.Ordinal)
    {
        ["leadership-strategy"] = 0.2,
        ["culture"] = -0.3,
        ["data-security-legal"] = 0.3,
        ["data-quality"] = -0.2,
        ["processes"] = 0.0,
        ["data-literacy"] = -0.4,
        ["technology"] = 0.4,
    };

    private static readonly (string Kind, int? Inhabitants)[] PeerKinds =
    [
        ("municipality", 12_500), ("municipality", 27_000), ("municipality", 48_000), ("partner", null), ("municipality", 95_000),
        ("municipality", 160_000), ("department", 61_000), ("municipality", 33_000), ("municipality", 8_400), ("municipality", 290_000),
    ];

    /// <summary>Creates what is missing; true when anything was added.</summary>
    public async Task<bool> EnsureAsync(Guid demoTenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var added = false;
        var demo = new OrganisationRow
        {
            Id = OrganisationId,
            TenantId = demoTenantId,
            Name = "Demogemeente Zuidwijk (synthetic)",
            Kind = "municipality",
            Inhabitants = 45_000,
            Region = "Demo",
            CreatedAt = now.AddMonths(-13),
            UpdatedAt = now.AddMonths(-13),
        };
        var targets = new Dictionary<string, int>(StringComparer.Ordinal) { ["data-quality"] = 4, ["leadership-strategy"] = 3 };
        added |= await EnsureOrganisationAsync(demo, ct);
        added |= await EnsureScanAsync(demo, EarlierScanId, now.AddMonths(-12), targets, DemoAnswers(2.4), ct);
        added |= await EnsureScanAsync(demo, ScanId, now.AddMonths(-1), targets, DemoAnswers(2.9), ct);

        for (var t = 0; t < PeerTenantCount; t++)
        {
            var (tenant, _) = await administration.AddTenantAsync(PeerTenantSlug(t), $"Vergelijkingsdeelnemer {t + 1} (synthetic)", ct);
            for (var i = 0; i < OrganisationsPerPeerTenant; i++)
            {
                // Organisation k spreads the bases 1.5 … 4.35 over the tenants in turn, so every tier holds organisations of every tenant.
                var k = (i * PeerTenantCount) + t;
                var (kind, inhabitants) = PeerKinds[k % PeerKinds.Length];
                var organisation = new OrganisationRow
                {
                    Id = Id(0x1000 + (k * 0x10)),
                    TenantId = tenant.Id,
                    Name = $"Voorbeeldorganisatie {k + 1} (synthetic)",
                    Kind = kind,
                    Inhabitants = inhabitants,
                    Region = "Demo",
                    CreatedAt = now.AddMonths(-25),
                    UpdatedAt = now.AddMonths(-25),
                };
                added |= await EnsureOrganisationAsync(organisation, ct);
                var level = 1.5 + (k * 0.15);
                for (var s = 0; s < 3; s++)
                {
                    // Three scans, a year apart, each 0.3 better than the one before.
                    var answers = PeerAnswers(k, level - ((2 - s) * 0.3));
                    added |= await EnsureScanAsync(organisation, Id(0x1000 + (k * 0x10) + s + 1), now.AddMonths(-24 + (s * 11)), NoTargets, answers, ct);
                }
            }
        }

        if (added)
        {
            await scores.PeersChangedAsync(demoTenantId, ct);
        }

        return added;
    }

    private async Task<bool> EnsureOrganisationAsync(OrganisationRow organisation, CancellationToken ct)
    {
        if (await organisations.FindAsync(organisation.TenantId, organisation.Id, ct) is not null)
        {
            return false;
        }

        await organisations.AddAsync(organisation, ct);
        return true;
    }

    private async Task<bool> EnsureScanAsync(
        OrganisationRow organisation,
        Guid scanId,
        DateTimeOffset completedAt,
        IReadOnlyDictionary<string, int> targets,
        IReadOnlyList<(string RespondentId, string Role, Dictionary<string, int?> Answers)> respondents,
        CancellationToken ct)
    {
        var existing = await scans.FindAsync(organisation.TenantId, scanId, ct);
        if (existing?.CompletedAt is not null)
        {
            return false;
        }

        var startedAt = completedAt.AddDays(-14);
        if (existing is null)
        {
            await scans.AddAsync(new ScanRow
            {
                Id = scanId,
                TenantId = organisation.TenantId,
                OrganisationId = organisation.Id,
                ModelId = Model.Id,
                ModelVersion = Model.Version,
                Targets = ScanJson.WriteTargets(targets),
                CreatedAt = startedAt,
            }, ct);
        }

        foreach (var (respondentId, role, answers) in respondents)
        {
            await scans.SaveResponseAsync(new ScanResponseRow
            {
                TenantId = organisation.TenantId,
                ScanId = scanId,
                RespondentId = respondentId,
                Role = role,
                Answers = ScanJson.WriteAnswers(answers),
                CreatedAt = startedAt,
                UpdatedAt = startedAt,
            }, ct);
        }

        var options = new ScoringOptions { Targets = targets };
        await scans.CompleteAsync(organisation.TenantId, scanId, completedAt,
            responses => ScanJson.WriteScore(MaturityScorer.Score(Model, responses.Select(StoredScans.ToDomain).ToList(), options)), ct);
        return true;
    }

    /// <summary>
    /// The demo municipality: four respondents, one per role. The board member sees data quality a good deal
    /// rosier than the front office does, so the score shows where roles differ by a level or more.
    /// </summary>
    private static List<(string, string, Dictionary<string, int?>)> DemoAnswers(double level) =>
        Roles.Select((role, r) =>
        {
            var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (var (category, question) in Model.AllQuestions())
            {
                var offset = CategoryOffsets[category.Id] + RoleOffsets[r] + (category.Id == "data-quality" ? (r == 0 ? 0.8 : r == 3 ? -0.6 : 0) : 0);
                answers[question.Id] = Answer(level + offset + Jitter(r, question.Id));
            }

            return ($"demo-respondent-{r + 1}", role, answers);
        }).ToList();

    /// <summary>A peer organisation: three respondents in three of the four roles, taking turns.</summary>
    private static List<(string, string, Dictionary<string, int?>)> PeerAnswers(int organisation, double level) =>
        Enumerable.Range(0, 3).Select(n =>
        {
            var r = (organisation + n) % Roles.Length;
            var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (var (category, question) in Model.AllQuestions())
            {
                answers[question.Id] = Answer(level + CategoryOffsets[category.Id] + RoleOffsets[r] + Jitter(organisation + n, question.Id));
            }

            return ($"respondent-{n + 1}", Roles[r], answers);
        }).ToList();

    // A small fixed wobble per respondent and question (−0.3 … 0.3), so answers are not all alike.
    private static double Jitter(int respondent, string questionId)
    {
        var hash = questionId.Aggregate(17 + respondent, (h, c) => unchecked((h * 31) + c));
        return ((Math.Abs(hash) % 7) - 3) * 0.1;
    }

    private static int Answer(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 1, 5);

    /// <summary>A fixed UUID of version 7 form; the last part tells the demo rows apart.</summary>
    private static Guid Id(int tag) => Guid.Parse($"0193b0c0-0000-7000-8000-{tag:x12}");
}
