using System.Text.Json;
using System.Text.Json.Serialization;
using Datawijs.Api.Configuration;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features;

/// <summary>
/// How domain values are kept in JSON columns: the API's conventions, enums as names, and NaN/∞
/// allowed (a median over no values is NaN in the domain).
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    public static IReadOnlyList<FeatureDefinition> Features(string json) => Read<List<FeatureDefinition>>(json);

    public static string Write(ClusterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Write(new StoredModel(model.Features, model.Numerics, model.Categoricals, model.Gamma, model.Centroids));
    }

    public static ClusterModel ReadModel(string json)
    {
        var stored = Read<StoredModel>(json);
        return new ClusterModel(stored.Features, stored.Numerics, stored.Categoricals, stored.Gamma, stored.Centroids);
    }

    private static JsonSerializerOptions Create()
    {
        var options = JsonDefaults.Create();
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private sealed record StoredModel(
        IReadOnlyList<FeatureDefinition> Features,
        IReadOnlyList<NumericStandardisation> Numerics,
        IReadOnlyList<CategoricalClusteringFeature> Categoricals,
        double Gamma,
        IReadOnlyList<Centroid> Centroids);
}
