using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Synthetic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Datawijs.Benchmarks;

/// <summary>
/// k-prototypes (k = 6, 3 restarts) on synthetic households with 7 categorical + 3 numeric
/// clustering features, next to ML.NET's KMeansTrainer on the same data one-hot encoded and
/// standardised (the baseline), in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class KPrototypesBenchmarks
{
    private MixedDataMatrix _matrix = null!;
    private MLContext _ml = null!;
    private IDataView _oneHot = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _matrix = FoodBankHouseholds.Generate(Rows, seed: 42).Matrix;
        _ml = new MLContext(seed: 42);
        // ML.NET needs the vector's fixed width in the schema to train on it.
        var schema = SchemaDefinition.Create(typeof(OneHot.Row));
        schema[nameof(OneHot.Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, OneHot.Width(_matrix));
        _oneHot = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(OneHot.Encode(_matrix).ToList(), schema));
    }

    [Benchmark(Baseline = true)]
    public int MlNetKMeans()
    {
        var trainer = _ml.Clustering.Trainers.KMeans(new Microsoft.ML.Trainers.KMeansTrainer.Options
        {
            NumberOfClusters = 6,
            FeatureColumnName = nameof(OneHot.Row.Features),
            InitializationAlgorithm = Microsoft.ML.Trainers.KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = Environment.ProcessorCount,
        });
        var model = trainer.Fit(_oneHot);
        VBuffer<float>[] centroids = default!;
        model.Model.GetClusterCentroids(ref centroids, out var k);
        return k;
    }

    [Benchmark]
    public int KPrototypesFit() => KPrototypes.Fit(_matrix, new KPrototypesOptions { K = 6, Restarts = 3, Seed = 42 }).K;
}

/// <summary>The same households as one dense float vector each: categoricals one-hot, numerics z-scored.</summary>
public static class OneHot
{
    public sealed class Row
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }

    public static int Width(MixedDataMatrix matrix) => matrix.Features.Select((f, i) => (f, i)).Where(x => x.f.InDistance)
        .Sum(x => x.f.Type == Domain.Datasets.FeatureType.Numeric ? 1 : matrix.CategoryValues(x.i).Count);

    public static IEnumerable<Row> Encode(MixedDataMatrix matrix)
    {
        var features = matrix.Features.Select((f, i) => (f, i)).Where(x => x.f.InDistance).ToList();
        var width = features.Sum(x => x.f.Type == Domain.Datasets.FeatureType.Numeric ? 1 : matrix.CategoryValues(x.i).Count);
        var stats = features.Where(x => x.f.Type == Domain.Datasets.FeatureType.Numeric).ToDictionary(x => x.i, x =>
        {
            var column = matrix.Numeric(x.i).ToArray().Where(double.IsFinite).ToArray();
            var mean = column.Average();
            var sd = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            return (mean, sd > 0 ? sd : 1);
        });
        for (var r = 0; r < matrix.RowCount; r++)
        {
            var vector = new float[width];
            var offset = 0;
            foreach (var (feature, index) in features)
            {
                if (feature.Type == Domain.Datasets.FeatureType.Numeric)
                {
                    var value = matrix.Numeric(index)[r];
                    vector[offset++] = double.IsFinite(value) ? (float)((value - stats[index].mean) / stats[index].Item2) : 0f;
                }
                else
                {
                    var code = matrix.Categorical(index)[r];
                    if (code >= 0)
                    {
                        vector[offset + code] = 1f;
                    }

                    offset += matrix.CategoryValues(index).Count;
                }
            }

            yield return new Row { Features = vector };
        }
    }
}
