using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// The published profile set an assignment is explained against, with everything precomputed
/// once (standardised centroids, lookups) so that <see cref="Explainer.Explain"/> stays fast.
/// Build it once per published profile set and reuse it; it is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Distance(subject, profile) = Σ over numeric clustering features ((x − mean)/sd − (c − mean)/sd)²
/// + gamma × Σ over categorical clustering features [x ≠ mode]. Only features with
/// <see cref="FeatureDefinition.InDistance"/> take part; descriptive and protected features never do.
/// </remarks>
public sealed class ProfileSpace
{
    private readonly Dictionary<string, int> featureIndex;

    private ProfileSpace(
        IReadOnlyList<FeatureDefinition> features,
        IReadOnlyDictionary<string, NumericScale> scales,
        double gamma,
        IReadOnlyList<PublishedProfile> profiles,
        IReadOnlyDictionary<string, FeatureLabel> labels)
    {
        Features = features;
        Scales = scales;
        Gamma = gamma;
        Profiles = profiles;
        Labels = labels;

        featureIndex = new Dictionary<string, int>(features.Count, StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            featureIndex[features[i].Name] = i;
        }

        var distance = new List<int>();
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].InDistance)
            {
                distance.Add(i);
            }
        }

        var d = distance.Count;
        DistanceFeatureCount = d;
        DistanceFeatureOf = distance.ToArray();
        IsNumeric = new bool[d];
        Mutable = new bool[d];
        Mean = new double[d];
        Sd = new double[d];
        Min = new double[d];
        Max = new double[d];
        Step = new double[d];
        Allowed = new HashSet<string>?[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Type == FeatureType.Categorical && features[i].Values is { } values)
            {
                Allowed[i] = new HashSet<string>(values, StringComparer.Ordinal);
            }
        }

        var p = profiles.Count;
        StdCentroid = new double[p * d];
        RawCentroid = new double[p * d];
        Mode = new string?[p * d];

        for (var k = 0; k < d; k++)
        {
            var f = features[DistanceFeatureOf[k]];
            IsNumeric[k] = f.Type == FeatureType.Numeric;
            Mutable[k] = f.Mutable;
            Min[k] = f.Min ?? double.NegativeInfinity;
            Max[k] = f.Max ?? double.PositiveInfinity;
            if (IsNumeric[k])
            {
                var scale = scales[f.Name];
                Mean[k] = scale.Mean;
                Sd[k] = scale.StandardDeviation;
                Step[k] = scale.Step ?? DefaultStep(scale.StandardDeviation);
                if (f.WholeNumber)
                {
                    // A count changes in whole steps: a counterfactual never suggests 1.5 children.
                    Step[k] = Math.Max(1, Math.Round(Step[k]));
                }
            }

            for (var j = 0; j < p; j++)
            {
                var value = profiles[j].Centroid[f.Name];
                if (IsNumeric[k])
                {
                    RawCentroid[(j * d) + k] = value.Number.GetValueOrDefault();
                    StdCentroid[(j * d) + k] = (value.Number.GetValueOrDefault() - Mean[k]) / Sd[k];
                }
                else
                {
                    Mode[(j * d) + k] = value.Category;
                }
            }
        }
    }

    /// <summary>All declared features of the dataset, in declaration order.</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>Mean and standard deviation per numeric clustering feature.</summary>
    public IReadOnlyDictionary<string, NumericScale> Scales { get; }

    /// <summary>The weight of one categorical mismatch.</summary>
    public double Gamma { get; }

    /// <summary>The profiles, in published order. This order breaks exact ties.</summary>
    public IReadOnlyList<PublishedProfile> Profiles { get; }

    /// <summary>
    /// Display labels (with units and phrases) per feature name: those given to <see cref="Create"/>, else those declared
    /// with the feature; text falls back to the name.
    /// </summary>
    public IReadOnlyDictionary<string, FeatureLabel> Labels { get; }

    // Precomputed, flat and index-based so that the hot path has no LINQ and no lookups by name.
    internal int DistanceFeatureCount { get; }
    internal int[] DistanceFeatureOf { get; }
    internal bool[] IsNumeric { get; }
    internal bool[] Mutable { get; }
    internal double[] Mean { get; }
    internal double[] Sd { get; }
    internal double[] Min { get; }
    internal double[] Max { get; }
    internal double[] Step { get; }

    /// <summary>[declared feature index]: the allowed categories, or null when any value is allowed.</summary>
    internal HashSet<string>?[] Allowed { get; }

    /// <summary>[profile * DistanceFeatureCount + k]: standardised centroid of numeric feature k.</summary>
    internal double[] StdCentroid { get; }

    /// <summary>[profile * DistanceFeatureCount + k]: raw centroid of numeric feature k.</summary>
    internal double[] RawCentroid { get; }

    /// <summary>[profile * DistanceFeatureCount + k]: mode of categorical feature k.</summary>
    internal string?[] Mode { get; }

    /// <summary>
    /// Builds the space. A profile set that does not fit its own features is a bug upstream,
    /// not an expected outcome, so this throws <see cref="ArgumentException"/> listing every problem.
    /// </summary>
    public static ProfileSpace Create(
        IReadOnlyList<FeatureDefinition> features,
        IReadOnlyDictionary<string, NumericScale> scales,
        double gamma,
        IReadOnlyList<PublishedProfile> profiles,
        IReadOnlyDictionary<string, FeatureLabel>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(profiles);

        var errors = new List<string>();
        if (!double.IsFinite(gamma) || gamma < 0)
        {
            errors.Add($"gamma must be a finite number >= 0, got {gamma}");
        }

        if (profiles.Count < 2)
        {
            errors.Add("a profile set needs at least two profiles");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var anyInDistance = false;
        foreach (var f in features)
        {
            if (!names.Add(f.Name))
            {
                errors.Add($"feature '{f.Name}' is declared twice");
            }

            if (!f.InDistance)
            {
                continue;
            }

            anyInDistance = true;
            if (f.Type == FeatureType.Numeric)
            {
                if (!scales.TryGetValue(f.Name, out var scale))
                {
                    errors.Add($"numeric feature '{f.Name}' has no mean and standard deviation");
                }
                else if (!double.IsFinite(scale.Mean) || !double.IsFinite(scale.StandardDeviation)
                         || scale.StandardDeviation <= 0)
                {
                    errors.Add($"numeric feature '{f.Name}' needs a finite mean and a standard deviation > 0");
                }
                else if (scale.Step is { } step && (!double.IsFinite(step) || step <= 0))
                {
                    errors.Add($"numeric feature '{f.Name}' needs a step > 0");
                }
            }
        }

        if (!anyInDistance)
        {
            errors.Add("no feature takes part in the distance");
        }

        var ids = new HashSet<Guid>();
        foreach (var profile in profiles)
        {
            if (!ids.Add(profile.Id))
            {
                errors.Add($"profile {profile.Id} appears twice");
            }

            foreach (var f in features)
            {
                if (!f.InDistance)
                {
                    continue;
                }

                if (!profile.Centroid.TryGetValue(f.Name, out var value))
                {
                    errors.Add($"profile {profile.Id} has no centroid value for '{f.Name}'");
                }
                else if (value.IsNumeric != (f.Type == FeatureType.Numeric)
                         || (value.IsNumeric && !double.IsFinite(value.Number.GetValueOrDefault())))
                {
                    errors.Add($"profile {profile.Id} has an invalid centroid value for '{f.Name}'");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid profile space: " + string.Join("; ", errors), nameof(profiles));
        }

        // Labels given with the space win; a feature without one keeps what its declaration says.
        var wording = new Dictionary<string, FeatureLabel>(FeatureLabels.Of(features), StringComparer.Ordinal);
        foreach (var (name, label) in labels ?? new Dictionary<string, FeatureLabel>())
        {
            wording[name] = label;
        }

        return new ProfileSpace(features, scales, gamma, profiles, wording);
    }

    /// <summary>
    /// The rounding step used when none is declared: the largest 1, 2 or 5 × 10^n that is at
    /// most a tenth of the standard deviation. A tenth of a standard deviation changes a squared
    /// standardised term very little, and 1-2-5 numbers are the ones people write down.
    /// </summary>
    public static double DefaultStep(double standardDeviation)
    {
        var target = standardDeviation / 10;
        var power = Math.Pow(10, Math.Floor(Math.Log10(target)));
        if (5 * power <= target)
        {
            return 5 * power;
        }

        return 2 * power <= target ? 2 * power : power;
    }

    /// <summary>The display label of a feature, falling back to its name.</summary>
    public string LabelOf(string feature, Language language) =>
        Labels.TryGetValue(feature, out var label) ? label.Name.In(language) : feature;

    /// <summary>The display label of one category of a feature, falling back to the category itself.</summary>
    public string LabelOf(string feature, string category, Language language) =>
        Labels.TryGetValue(feature, out var label) && label.Values is { } values && values.TryGetValue(category, out var text)
            ? text.In(language)
            : category;

    /// <summary>The declared feature of this name, or null.</summary>
    public FeatureDefinition? FeatureNamed(string name) =>
        featureIndex.TryGetValue(name, out var index) ? Features[index] : null;

    /// <summary>
    /// How a feature reads in text: the label, unit and phrases given with the space, else those declared with
    /// the feature; null when neither declares anything.
    /// </summary>
    public FeatureLabel? WordingOf(string feature) => Labels.GetValueOrDefault(feature);

    internal bool TryGetFeature(string name, out int index) => featureIndex.TryGetValue(name, out index);

    internal int IndexOfProfile(Guid id)
    {
        for (var i = 0; i < Profiles.Count; i++)
        {
            if (Profiles[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
