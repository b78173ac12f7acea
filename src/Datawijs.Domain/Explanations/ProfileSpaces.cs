using Datawijs.Domain.Clustering;

namespace Datawijs.Domain.Explanations;

/// <summary>Bridges a fitted (or stored) k-prototypes model to the space assignments are explained in.</summary>
public static class ProfileSpaces
{
    /// <summary>
    /// The same distance as <see cref="ClusterModel.Distance"/>: the model's standardisation and
    /// gamma, its centroids in raw units (numerics) and modes (categoricals). <paramref name="profiles"/>
    /// names the clusters in centroid order.
    /// </summary>
    public static ProfileSpace FromClusterModel(
        ClusterModel model,
        IReadOnlyList<ProfileNaming> profiles,
        IReadOnlyDictionary<string, FeatureLabel>? labels = null,
        IReadOnlyDictionary<string, double>? steps = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count != model.Centroids.Count)
        {
            throw new ArgumentException($"The model has {model.Centroids.Count} clusters but {profiles.Count} profiles were named.", nameof(profiles));
        }

        var scales = model.Numerics.ToDictionary(
            n => n.Feature,
            n => new NumericScale(n.Mean, n.StandardDeviation, steps is not null && steps.TryGetValue(n.Feature, out var step) ? step : null));
        var published = new List<PublishedProfile>(profiles.Count);
        for (var j = 0; j < profiles.Count; j++)
        {
            var centroid = model.Centroids[j];
            var values = new Dictionary<string, FeatureValue>(model.Numerics.Count + model.Categoricals.Count);
            for (var i = 0; i < model.Numerics.Count; i++)
            {
                values[model.Numerics[i].Feature] = FeatureValue.FromNumber(centroid.NumericRaw[i]);
            }

            for (var k = 0; k < model.Categoricals.Count; k++)
            {
                values[model.Categoricals[k].Feature] = FeatureValue.FromCategory(centroid.CategoryValues[k]);
            }

            published.Add(new PublishedProfile(profiles[j].Id, profiles[j].Name, values, profiles[j].Description, profiles[j].PublishedMedians, profiles[j].PublishedHouseholds));
        }

        return ProfileSpace.Create(model.Features, scales, model.Gamma, published, labels);
    }
}
