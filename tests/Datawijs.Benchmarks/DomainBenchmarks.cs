using BenchmarkDotNet.Attributes;
using Datawijs.Domain.Clustering;
using Datawijs.Domain.Disclosure;
using Datawijs.Domain.Explanations;
using Datawijs.Domain.Maturity;
using Datawijs.Domain.Synthetic;

namespace Datawijs.Benchmarks;

/// <summary>Scoring a full scan of 12 respondents; baseline: validating the same answers.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly List<RespondentAnswers> _responses = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var r = 0; r < 12; r++)
        {
            _responses.Add(new RespondentAnswers($"r{r}", DefaultMaturityModels.FullV1.AllQuestions()
                .ToDictionary(q => q.Question.Id, q => random.Next(8) == 0 ? (int?)null : random.Next(1, 6))));
        }
    }

    [Benchmark(Baseline = true)]
    public int Validate() => MaturityScorer.Validate(DefaultMaturityModels.FullV1, _responses).Count;

    [Benchmark]
    public double? Score() => MaturityScorer.Score(DefaultMaturityModels.FullV1, _responses).Overall;
}

/// <summary>The explanation of one household against 5 and 8 profiles; baseline: the plain nearest-profile assignment.</summary>
[MemoryDiagnoser]
public class ExplainerBenchmarks
{
    private ProfileSpace _space = null!;
    private ClusterModel _model = null!;
    private Dictionary<string, FeatureValue> _subject = null!;
    private MixedRow _row = null!;

    [Params(5, 8)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = FoodBankHouseholds.Generate(2_000, seed: 5);
        _model = KPrototypes.Fit(data.Matrix, new KPrototypesOptions { K = Profiles, Restarts = 2, Seed = 3 }).Model;
        _space = ProfileSpaces.FromClusterModel(_model, _model.Centroids
            .Select(c => new ProfileNaming(Guid.NewGuid(), new Domain.LocalizedText($"Profiel {c.Index}", $"Profile {c.Index}"))).ToList());
        _row = data.Matrix.Row(17);
        _subject = [];
        foreach (var feature in data.Features.Where(f => f.InDistance))
        {
            var index = data.Matrix.IndexOf(feature.Name);
            _subject[feature.Name] = feature.Type == Domain.Datasets.FeatureType.Numeric
                ? FeatureValue.FromNumber(data.Matrix.Numeric(index)[17])
                : FeatureValue.FromCategory(data.Matrix.CategoryValues(index)[data.Matrix.Categorical(index)[17]]);
        }
    }

    [Benchmark(Baseline = true)]
    public int Assign() => _model.Assign(_row).Cluster;

    [Benchmark]
    public Guid Explain() => Explainer.Explain(_space, _subject).Explanation!.ProfileId;

    /// <summary>The explanation and the figures an advice returns (against published centres, two decimals).</summary>
    [Benchmark]
    public double ExplainAndPublish()
    {
        var explanation = Explainer.Explain(_space, _subject).Explanation!;
        return Domain.Disclosure.PublishedAdvice.Of(_space, explanation).Distance;
    }
}

/// <summary>The disclosure gate over a described profile set; baseline: describing it.</summary>
[MemoryDiagnoser]
public class DisclosureGateBenchmarks
{
    private MixedDataMatrix _matrix = null!;
    private ClusteringResult _result = null!;
    private ProfileSetDescription _description = null!;

    [Params(191, 100_000)]
    public int Households { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = FoodBankHouseholds.Generate(Households, seed: 9);
        _matrix = data.Matrix;
        _result = KPrototypes.Fit(_matrix, new KPrototypesOptions { K = 5, Restarts = 2, Seed = 4 });
        _description = ProfileDescriber.Describe(_matrix, _result);
    }

    [Benchmark(Baseline = true)]
    public int Describe() => ProfileDescriber.Describe(_matrix, _result).Profiles.Count;

    [Benchmark]
    public bool Gate() => DisclosureGate.Check(_description).Publishable;
}
