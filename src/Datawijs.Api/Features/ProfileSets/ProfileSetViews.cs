using System.Text.Json;
using Datawijs.Api.Features.Datasets;
using Datawijs.Api.Features.ProfileSets.Views;
using Datawijs.Data.ProfileSets;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;
using Datawijs.Domain.Disclosure;

namespace Datawijs.Api.Features.ProfileSets;

/// <summary>Builds every view of a profile set; each goes through the disclosure gate.</summary>
public static class ProfileSetViews
{
    public static ProfileSetDescription Description(ProfileSetRow row) => StoredJson.Read<ProfileSetDescription>(row.Description);

    /// <summary>The set as its owner sees it; <paramref name="check"/> adds the inequality check and the differencing with earlier publications.</summary>
    public static ProfileSet Build(ProfileSetRow row, IReadOnlyList<ProfileRow> profiles, PublicationCheck? check = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var lifecycle = ProfileSetRows.Lifecycle(row, profiles);
        var description = lifecycle.Description;
        var outcome = lifecycle.Disclosure;
        var idOf = profiles.ToDictionary(p => p.Cluster, p => p.Id);
        var view = row.PublishedView is { } frozen
            ? Frozen(frozen)
            : View(StoredJson.Read<MethodView>(row.Method), outcome.ProfileSet, profiles, description.Features,
                check is null ? null : PublicationChecks.View(check, profiles, description.Features), check?.Residents);
        return new ProfileSet
        {
            Id = row.Id,
            DatasetId = row.DatasetId,
            ClusteringId = row.ClusteringId,
            Status = row.Status,
            PublicationBlockers = lifecycle.Blockers(check?.Findings).Select(PublicationBlocker.From).ToList(),
            Disclosure = new DisclosureView
            {
                Publishable = outcome.Report.Publishable,
                BlockingProfiles = outcome.Report.BlockingProfiles.Select(c => idOf.GetValueOrDefault(c)).ToList(),
                Suppressions = outcome.Report.Suppressions.Select(s => new SuppressionView
                {
                    ProfileId = s.Profile is { } c ? idOf.GetValueOrDefault(c) : null,
                    Item = Camel(s.Item.ToString()),
                    Feature = s.Feature,
                    Value = s.Value,
                    Reason = Camel(s.Reason.ToString()),
                }).ToList(),
                ShownCounts = outcome.Report.ShownCounts,
            },
            View = view,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            PublishedAt = row.PublishedAt,
            RetiredAt = row.RetiredAt,
            FairnessReview = PublicationChecks.ReviewRecord(check?.Review),
        };
    }

    /// <summary>
    /// A view frozen at publication, as it may be shown now. A view frozen before the rules of
    /// <see cref="PublishedFigures"/> held may carry lifts from exact counts and highlights on suppressed
    /// cells; those figures are derived again from the view's own published counts (for a view frozen
    /// since, this changes nothing). Only ever removes information, never adds any.
    /// </summary>
    public static ProfileSetView Frozen(string stored)
    {
        var view = StoredJson.Read<ProfileSetView>(stored);
        if (view.Population is not { } population)
        {
            return view;
        }

        var populationCells = population.Categorical.ToDictionary(d => d.Feature, d => d.Cells, StringComparer.Ordinal);
        DistributionView Again(DistributionView d, int? total) => new()
        {
            Feature = d.Feature,
            Label = d.Label,
            Role = d.Role,
            Cells = d.Cells.Select(c =>
            {
                if (c.Suppressed || c.Households is null)
                {
                    return new PublishedCellView { Value = c.Value, ValueLabel = c.ValueLabel, Suppressed = true };
                }

                var populationCount = populationCells.GetValueOrDefault(d.Feature)?.FirstOrDefault(p => p.Value == c.Value) is { Suppressed: false } p ? p.Households : null;
                return new PublishedCellView
                {
                    Value = c.Value,
                    ValueLabel = c.ValueLabel,
                    Households = c.Households,
                    SharePercent = PublishedFigures.SharePercent(c.Households, total),
                    PopulationSharePercent = PublishedFigures.SharePercent(populationCount, population.Households),
                    Lift = PublishedFigures.Lift(c.Households, total, populationCount, population.Households),
                    RelativelyMoreFrequent = PublishedFigures.RelativelyMoreFrequent(c.Households, total, populationCount, population.Households),
                };
            }).ToList(),
        };

        return new ProfileSetView
        {
            Method = view.Method,
            Fairness = view.Fairness,
            Outflow = view.Outflow,
            Residents = view.Residents,
            Population = population,
            Profiles = view.Profiles.Select(p =>
            {
                var categorical = p.Categorical.Select(d => Again(d, p.Households)).ToList();
                var cells = categorical.SelectMany(d => d.Cells.Select(c => (d.Feature, Cell: c))).ToList();
                return new ProfileView
                {
                    Id = p.Id,
                    Number = p.Number,
                    Name = p.Name,
                    Description = p.Description,
                    Households = p.Households,
                    RelativelyMoreFrequent = p.RelativelyMoreFrequent
                        .Select(h => (Highlight: h, Cell: cells.FirstOrDefault(c => c.Feature == h.Feature && c.Cell.Value == h.Value).Cell))
                        .Where(x => x.Cell is { Suppressed: false, RelativelyMoreFrequent: true })
                        .Select(x => new HighlightView { Feature = x.Highlight.Feature, Label = x.Highlight.Label, Value = x.Highlight.Value, ValueLabel = x.Highlight.ValueLabel, Lift = x.Cell!.Lift })
                        .OrderByDescending(h => h.Lift)
                        .ToList(),
                    MoreFrequentThanAmongResidents = p.MoreFrequentThanAmongResidents,
                    Categorical = categorical,
                    Medians = p.Medians,
                    Protected = p.Protected.Select(d => Again(d, p.Households)).ToList(),
                    ProtectedMedians = p.ProtectedMedians,
                };
            }).ToList(),
        };
    }

    /// <summary>
    /// The view to freeze at publication (only from a publishable gate outcome). <paramref name="features"/>
    /// are the dataset's declared features, whose labels the view shows next to the codes. With
    /// <paramref name="residents"/> each profile also says what is more frequent than among all residents.
    /// </summary>
    public static ProfileSetView View(
        MethodView method, PublishedProfileSet? published, IReadOnlyList<ProfileRow> profiles, IReadOnlyList<FeatureDefinition> features, FairnessCheckView? fairness = null,
        ReferencePopulation? residents = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(features);
        var labels = new Labels(features);
        DistributionView Distribution(PublishedDistribution d) => labels.Distribution(d);
        MedianView Median(PublishedMedian m) => labels.Median(m);
        var byCluster = published?.Profiles.ToDictionary(p => p.Cluster);
        return new ProfileSetView
        {
            Method = method,
            Population = published is null ? null : new PopulationView
            {
                Households = published.TotalHouseholds,
                Categorical = published.Population.Select(Distribution).ToList(),
                Medians = published.PopulationMedians.Select(Median).ToList(),
            },
            Profiles = profiles.OrderBy(p => p.Cluster).Select(p =>
            {
                var shown = byCluster?.GetValueOrDefault(p.Cluster);
                return new ProfileView
                {
                    Id = p.Id,
                    Number = p.Cluster + 1,
                    Name = new ProfileText { Nl = p.NameNl, En = p.NameEn },
                    Description = new ProfileText { Nl = p.DescriptionNl, En = p.DescriptionEn },
                    Households = shown?.Households,
                    RelativelyMoreFrequent = shown?.RelativelyMoreFrequent.Select(Highlight).ToList() ?? [],
                    MoreFrequentThanAmongResidents = shown is not null && residents is not null
                        ? ReferencePopulations.MoreFrequentThanAmongResidents(shown, residents).Select(Highlight).ToList()
                        : [],
                    Categorical = shown?.Categorical.Select(Distribution).ToList() ?? [],
                    Medians = shown?.Medians.Select(Median).ToList() ?? [],
                    Protected = shown?.Protected.Select(Distribution).ToList() ?? [],
                    ProtectedMedians = shown?.ProtectedMedians.Select(Median).ToList() ?? [],
                };
            }).ToList(),
            Fairness = fairness,
            Residents = published is not null && residents is not null
                ? new ResidentsView { Source = residents.Source, Year = residents.Year, Households = residents.Households }
                : null,
        };

        HighlightView Highlight(PublishedHighlight h) => new()
        {
            Feature = h.Feature, Label = labels.Of(h.Feature), Value = h.Value, ValueLabel = labels.Of(h.Feature, h.Value), Lift = h.Lift,
        };
    }

    public static MethodView Method(
        string datasetName, string purpose, ProfileSetDescription description, Clusterings.ClusteringOutcome outcome, Clusterings.ClusteringOptions options, DateTimeOffset clusteredAt)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        var rules = DisclosureRules.Default;
        List<FeatureUse> Uses(FeatureRole role) =>
            description.Features.Where(f => f.Role == role)
                .Select(f => new FeatureUse { Name = f.Name, Label = Labels.Of(f), Type = Datasets.FeatureNames.Of(f.Type) }).ToList();
        return new MethodView
        {
            DatasetName = datasetName,
            Purpose = purpose,
            Households = PublishedFigures.Count(description.TotalHouseholds, rules),
            ClusteringFeatures = Uses(FeatureRole.Clustering),
            DescriptiveFeatures = Uses(FeatureRole.Descriptive),
            ProtectedFeatures = Uses(FeatureRole.Protected),
            Algorithm = "k-prototypes (Huang): squared Euclidean distance on standardised numeric features plus gamma times the number of differing categorical features; several seeded restarts, lowest cost kept. Profiles are described by what is relatively more frequent in them than in all households (two-proportion z-test, p < 0.05).",
            K = outcome.K,
            KChosenBy = outcome.RequestedK is null ? "silhouette" : "given",
            Seed = options.Seed,
            Restarts = options.Restarts,
            Gamma = outcome.Gamma,
            ClusteredAt = clusteredAt,
            DisclosureRules = new DisclosureRulesView { MinimumCount = rules.MinimumCount, RoundingBase = rules.RoundingBase, MedianSignificantFigures = rules.MedianSignificantFigures },
        };
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    // The declared labels of a set's features; a feature or value without one reads as its code.
    private sealed class Labels(IReadOnlyList<FeatureDefinition> features)
    {
        private readonly Dictionary<string, FeatureDefinition> byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);

        public static FeatureLabelText Of(FeatureDefinition feature) =>
            new() { Nl = feature.LabelIn(Domain.Language.Dutch), En = feature.LabelIn(Domain.Language.English) };

        public FeatureLabelText Of(string feature) =>
            byName.TryGetValue(feature, out var f) ? Of(f) : new FeatureLabelText { Nl = feature, En = feature };

        public FeatureLabelText? Of(string feature, string? value) =>
            value is null ? null
            : byName.TryGetValue(feature, out var f)
                ? new FeatureLabelText { Nl = f.ValueLabelIn(value, Domain.Language.Dutch), En = f.ValueLabelIn(value, Domain.Language.English) }
                : new FeatureLabelText { Nl = value, En = value };

        public DistributionView Distribution(PublishedDistribution d) => new()
        {
            Feature = d.Feature,
            Label = Of(d.Feature),
            Role = Datasets.FeatureNames.Of(d.Role),
            Cells = d.Cells.Select(c => new PublishedCellView
            {
                Value = c.Value,
                ValueLabel = Of(d.Feature, c.Value),
                Suppressed = c.Suppressed,
                Households = c.Households,
                SharePercent = c.SharePercent,
                PopulationSharePercent = c.PopulationSharePercent,
                Lift = c.Lift,
                RelativelyMoreFrequent = c.RelativelyMoreFrequent,
            }).ToList(),
        };

        public MedianView Median(PublishedMedian m) => new()
        {
            Feature = m.Feature,
            Label = Of(m.Feature),
            Role = Datasets.FeatureNames.Of(m.Role),
            Median = m.Median,
            PopulationMedian = m.PopulationMedian,
        };
    }
}
