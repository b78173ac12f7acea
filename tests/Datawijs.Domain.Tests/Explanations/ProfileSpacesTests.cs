using Datawijs.Domain.Clustering;
using Datawijs.Domain.Explanations;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Domain.Tests.Explanations;

public sealed class ProfileSpacesTests
{
    [Fact]
    public void The_explainer_sees_the_same_nearest_profile_and_distances_as_the_clustering_model()
    {
        var data = FoodBankHouseholds.Generate(400, seed: 7);
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 5, Restarts = 2, Seed = 11 });
        var names = result.Model.Centroids.Select(c => new ProfileNaming(Guid.NewGuid(), new LocalizedText($"Profiel {c.Index}", $"Profile {c.Index}"))).ToList();
        var space = ProfileSpaces.FromClusterModel(result.Model, names);

        for (var row = 0; row < 40; row++)
        {
            var values = new Dictionary<string, FeatureValue>();
            foreach (var feature in data.Features.Where(f => f.InDistance))
            {
                var index = data.Matrix.IndexOf(feature.Name);
                values[feature.Name] = feature.Type == Domain.Datasets.FeatureType.Numeric
                    ? FeatureValue.FromNumber(data.Matrix.Numeric(index)[row])
                    : FeatureValue.FromCategory(data.Matrix.CategoryValues(index)[data.Matrix.Categorical(index)[row]]);
            }

            var explanation = Explainer.Explain(space, values).Explanation;
            Assert.NotNull(explanation);
            var assignment = result.Model.Assign(data.Matrix.Row(row));
            Assert.Equal(names[assignment.Cluster].Id, explanation.ProfileId);
            Assert.Equal(assignment.Distances[assignment.Cluster], explanation.Distance, 9);
        }
    }

    [Fact]
    public void Naming_fewer_profiles_than_clusters_is_refused()
    {
        var data = FoodBankHouseholds.Generate(200, seed: 3);
        var result = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = 3, Restarts = 1, Seed = 1 });
        Assert.Throws<ArgumentException>(() => ProfileSpaces.FromClusterModel(result.Model, [new ProfileNaming(Guid.NewGuid(), new LocalizedText("a", "a"))]));
    }
}
