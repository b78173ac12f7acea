using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Tests.Datasets;

public sealed class RecordSchemaTests
{
    private static readonly RecordSchema Schema = new(
    [
        new FeatureDefinition("benefit", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["none", "socialAssistance"]),
        new FeatureDefinition("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true, Min: 0, Max: 100_000),
    ]);

    [Fact]
    public void Valid_cells_are_normalised_and_empty_cells_are_missing()
    {
        string?[] cells = ["none", " 15000.50 "];
        string?[] missing = ["", "  "];
        var problems = new List<CellProblem>();

        Assert.True(Schema.TryNormalise(cells, problems));
        Assert.True(Schema.TryNormalise(missing, problems));

        Assert.Equal(new[] { "none", "15000.5" }, cells.Select(c => c!));
        Assert.All(missing, Assert.Null);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_bad_cell_of_a_row_is_reported_with_its_column()
    {
        string?[] cells = ["None", "15.000,50"];
        string?[] outOfRange = ["none", "-1"];
        var problems = new List<CellProblem>();

        Assert.False(Schema.TryNormalise(cells, problems));
        Assert.False(Schema.TryNormalise(outOfRange, problems));

        Assert.Equal(["benefit", "income", "income"], problems.Select(p => p.Column));
        Assert.Contains("declared values", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("outside the declared range", problems[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_cells_must_be_present_and_a_duration_not_negative()
    {
        var schema = new RecordSchema(
        [
            new FeatureDefinition("months", FeatureType.Numeric, FeatureRole.Duration, Mutable: false, DurationUnit: DurationUnit.Months),
            new FeatureDefinition("status", FeatureType.Categorical, FeatureRole.Event, Mutable: false, Values: ["left", "active"], EventValue: "left"),
        ]);
        var problems = new List<CellProblem>();

        Assert.True(schema.TryNormalise(["0", "active"], problems));
        Assert.False(schema.TryNormalise(["-1", "left"], problems));
        Assert.False(schema.TryNormalise(["", ""], problems));

        Assert.Equal(["months", "months", "status"], problems.Select(p => p.Column));
        Assert.Contains("negative", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("duration is missing", problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("event is missing", problems[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_feature_refuses_a_fraction_but_takes_a_whole_number_written_with_a_point()
    {
        var schema = new RecordSchema(
        [
            new FeatureDefinition("children", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false, Min: 0, Max: 15, WholeNumber: true),
            new FeatureDefinition("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true),
        ]);
        string?[] whole = ["2.0", "1500.5"];
        string?[] fraction = ["1.5", "1500"];
        var problems = new List<CellProblem>();

        Assert.True(schema.TryNormalise(whole, problems));
        Assert.False(schema.TryNormalise(fraction, problems));

        Assert.Equal(["2", "1500.5"], whole.Select(c => c!));
        var problem = Assert.Single(problems);
        Assert.Equal("children", problem.Column);
        Assert.Contains("not a whole number", problem.Reason, StringComparison.Ordinal);
    }
}
