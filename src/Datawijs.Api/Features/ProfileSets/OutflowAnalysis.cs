using Datawijs.Api.Features.Datasets;
using Datawijs.Api.Http;
using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Outflow;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>
/// Time to outflow of the households behind a profile set: reads the dataset's records once (outcome and
/// clustering matrix), places each household in the profile whose centre is nearest (as an advice would), or
/// groups by a categorical feature's value, and asks the outflow domain for the Kaplan-Meier curves, the
/// log-rank test and the Cox model over the clustering features.
/// </summary>
public sealed class OutflowAnalysis(ClusteringRepository clusterings, DatasetRepository datasets, ProfileSetRepository profileSets)
{
    public const string ByProfile = "profile";

    /// <summary>The values <c>by</c> may take for this dataset: profile, then every categorical feature that is not the outcome.</summary>
    public static IReadOnlyList<string> ValidBy(IReadOnlyList<FeatureDefinition> features) =>
        [ByProfile, .. features.Where(f => f.Type == FeatureType.Categorical && !f.IsOutcome).Select(f => f.Name)];

    /// <summary>
    /// The exact outflow of the tenant's profile set <paramref name="id"/> for an endpoint: null once the problem
    /// (404 for an unknown set, or the analysis's refusal) has been answered on <paramref name="context"/>.
    /// </summary>
    public async Task<OutflowFigures?> ForRequestAsync(HttpContext context, Guid tenant, Guid id, string? by, bool withCox, CancellationToken ct)
    {
        var set = await profileSets.FindAsync(tenant, id, ct);
        if (set is null)
        {
            await Problems.NotFoundAsync(context, "profile set");
            return null;
        }

        var (figures, refusal) = await RunAsync(set, await profileSets.ProfilesAsync(tenant, set.Id, ct), by, withCox, ct);
        if (refusal is not null)
        {
            await Problems.WriteAsync(context, refusal.Status, refusal.Code, refusal.Detail, refusal.InvalidParams);
            return null;
        }

        return figures;
    }

    public async Task<(OutflowFigures? Figures, OutflowRefusal? Refusal)> RunAsync(
        ProfileSetRow set, IReadOnlyList<ProfileRow> profiles, string? by, bool withCox, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(profiles);
        by = string.IsNullOrEmpty(by) ? ByProfile : by;
        var dataset = await datasets.FindAsync(set.TenantId, set.DatasetId, ct);
        var clustering = await clusterings.FindAsync(set.TenantId, set.ClusteringId, ct);
        if (dataset is null || clustering?.Model is null)
        {
            return (null, new OutflowRefusal(409, "dataset-gone", "The dataset or clustering of this profile set no longer exists."));
        }

        var features = StoredJson.Features(dataset.Features);
        var duration = features.FirstOrDefault(f => f.Role == FeatureRole.Duration);
        if (duration is null || !features.Any(f => f.Role == FeatureRole.Event))
        {
            return (null, new OutflowRefusal(409, "no-outflow-outcome",
                "The dataset of this profile set declares no outflow outcome (a feature with role duration and one with role event)."));
        }

        var valid = ValidBy(features);
        if (!valid.Contains(by, StringComparer.Ordinal))
        {
            return (null, new OutflowRefusal(400, "invalid-params", "'by' is not profile or a categorical feature of the dataset.",
                [new InvalidParam("by", "one-of", "'by' must be one of: " + string.Join(", ", valid) + ".")]));
        }

        var loaded = await MatrixLoader.LoadWithOutcomeAsync(features, datasets, set.TenantId, set.DatasetId, ct);
        var matrix = loaded.Matrix;
        var n = matrix.RowCount;
        var groups = new int[n];
        var labels = new List<(Guid? ProfileId, string? Value, LocalizedText Label)>();
        var keep = new bool[n];
        if (by == ByProfile)
        {
            var model = StoredJson.ReadModel(clustering.Model);
            var ordered = profiles.OrderBy(p => p.Cluster).ToList();
            var slotOf = ordered.Select((p, i) => (p.Cluster, i)).ToDictionary(x => x.Cluster, x => x.i);
            labels.AddRange(ordered.Select(p => ((Guid?)p.Id, (string?)null, ProfileLabel(p))));
            for (var i = 0; i < n; i++)
            {
                var cluster = model.Assign(matrix.Row(i)).Cluster;
                keep[i] = slotOf.TryGetValue(cluster, out groups[i]);
            }
        }
        else
        {
            var f = matrix.IndexOf(by);
            var feature = matrix.Features[f];
            var values = matrix.CategoryValues(f);
            labels.AddRange(values.Select(v => ((Guid?)null, (string?)v, new LocalizedText(feature.ValueLabelIn(v, Language.Dutch), feature.ValueLabelIn(v, Language.English)))));
            var codes = matrix.Categorical(f);
            for (var i = 0; i < n; i++)
            {
                groups[i] = codes[i];
                keep[i] = codes[i] >= 0;
            }
        }

        var rows = Enumerable.Range(0, n).Where(i => keep[i]).ToArray();
        var durations = rows.Select(i => loaded.Durations![i]).ToArray();
        var events = rows.Select(i => loaded.Events![i]).ToArray();
        var data = SurvivalData.Create(durations, events, rows.Select(i => groups[i]).ToArray(), Math.Max(1, labels.Count));
        var curves = KaplanMeier.Fit(data);
        CoxResult? cox = null;
        if (withCox)
        {
            var subset = rows.Length == n ? matrix : Subset(matrix, rows);
            cox = CoxRegression.Fit(data, CoxCovariate.FromClusteringFeatures(subset));
        }

        var result = labels.Select((l, g) => new OutflowGroup(l.ProfileId, l.Value, l.Label, curves[g])).ToList();
        return (new OutflowFigures(duration.DurationUnit ?? DurationUnit.Months, by, result, LogRank.Test(data), cox, n - rows.Length), null);
    }

    private static LocalizedText ProfileLabel(ProfileRow p)
    {
        var number = (p.Cluster + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new LocalizedText(p.NameNl ?? "Profiel " + number, p.NameEn ?? p.NameNl ?? "Profile " + number);
    }

    // The households with a known group, in the same order as the survival data.
    private static MixedDataMatrix Subset(MixedDataMatrix matrix, int[] rows)
    {
        var columns = new Array[matrix.Features.Count];
        for (var f = 0; f < columns.Length; f++)
        {
            if (matrix.Features[f].Type == FeatureType.Numeric)
            {
                var all = matrix.Numeric(f);
                var column = new double[rows.Length];
                for (var r = 0; r < rows.Length; r++)
                {
                    column[r] = all[rows[r]];
                }

                columns[f] = column;
            }
            else
            {
                var all = matrix.Categorical(f);
                var column = new int[rows.Length];
                for (var r = 0; r < rows.Length; r++)
                {
                    column[r] = all[rows[r]];
                }

                columns[f] = column;
            }
        }

        return MixedDataMatrix.FromColumns(matrix.Features, columns);
    }
}
