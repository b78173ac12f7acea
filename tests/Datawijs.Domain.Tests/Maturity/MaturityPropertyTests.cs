using Datawijs.Domain.Maturity;
using FsCheck;
using FsCheck.Fluent;
using static Datawijs.Domain.Tests.Maturity.TestModels;

namespace Datawijs.Domain.Tests.Maturity;

public sealed class MaturityPropertyTests
{
    private static readonly Gen<double> OverallScore = Gen.Choose(100, 500).Select(x => x / 100.0);

    private static PeerBenchmark Benchmark(double[] overall) =>
        PeerBenchmarks.Compute(
            TwoCategories,
            PeerGroup.All,
            overall.Select((o, i) => new PeerScan($"s{i}", new PeerOrganisation($"o{i}", OrganisationKind.Municipality, 10_000, $"t{i}"), "test-v1", DateTimeOffset.UnixEpoch, o, new Dictionary<string, double> { ["a"] = o })),
            "viewer");

    [Fact]
    public void The_order_of_respondents_does_not_change_the_score()
    {
        var answer = Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(1, 5).Select(a => (int?)a)));
        var responses = Gen.NonEmptyListOf(answer.ArrayOf(3)).ToArbitrary();

        Prop.ForAll(responses, rs =>
        {
            var respondents = rs.Select((r, i) => Respondent($"r{i}", ("a1", r[0]), ("a2", r[1]), ("b1", r[2]))).ToList();
            var forward = MaturityScorer.Score(TwoCategories, respondents);
            var backward = MaturityScorer.Score(TwoCategories, Enumerable.Reverse(respondents).ToList());
            return forward.Overall == backward.Overall
                && forward.Categories.Zip(backward.Categories).All(p => p.First.Score == p.Second.Score && p.First.AnsweredShare == p.Second.AnsweredShare);
        }).CheckSeeded();
    }

    [Fact]
    public void A_higher_overall_score_never_gets_a_lower_tier_or_percentile()
    {
        var input = Gen.ArrayOf(OverallScore).Where(a => a.Length >= 7).ToArbitrary();

        Prop.ForAll(input, values =>
        {
            // The first two values are the scores to compare, the rest are the peers.
            var (x, y, peers) = (values[0], values[1], values[2..]);
            var benchmark = Benchmark(peers);
            var (low, high) = x <= y ? (x, y) : (y, x);
            var lowPosition = benchmark.Position(low)!;
            var highPosition = benchmark.Position(high)!;
            return lowPosition.Tier <= highPosition.Tier
                && lowPosition.Percentile <= highPosition.Percentile
                && lowPosition.Percentile is >= 0 and <= 100
                && highPosition.Percentile is >= 0 and <= 100;
        }).CheckSeeded();
    }

    [Fact]
    public void Quartiles_are_ordered_within_the_rounded_peer_scores_and_whole_tenths()
    {
        var input = Gen.ArrayOf(OverallScore).Where(a => a.Length >= 5).ToArbitrary();
        static bool Tenth(double x) => Math.Abs((x * 10) - Math.Round(x * 10)) < 1e-9;

        Prop.ForAll(input, peers =>
        {
            var q = Benchmark(peers).Categories.Single(c => c.CategoryId == "a").Quartiles!;
            return PeerBenchmarks.Round(peers.Min()) <= q.Q1 && q.Q1 <= q.Median && q.Median <= q.Q3 && q.Q3 <= PeerBenchmarks.Round(peers.Max())
                && Tenth(q.Q1) && Tenth(q.Median) && Tenth(q.Q3);
        }).CheckSeeded();
    }
}
