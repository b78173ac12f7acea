using Datawijs.Domain.Clustering;
using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Tests.Datasets;

public sealed class DataQualityReportTests
{
    private static readonly IReadOnlyList<FeatureDefinition> Features =
    [
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["owner", "rent", "rentWithAllowance", "other"]),
        new("age", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false),
    ];

    private static MixedDataMatrix Matrix(int owners, int renters, int withAllowance, int other, int ages, int missingAges)
    {
        var builder = new MixedDataMatrixBuilder(Features);
        var rows = Enumerable.Repeat("owner", owners).Concat(Enumerable.Repeat("rent", renters))
            .Concat(Enumerable.Repeat("rentWithAllowance", withAllowance)).Concat(Enumerable.Repeat("other", other)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            string? age = i < ages ? (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : i < ages + missingAges ? null : "40";
            Assert.True(builder.TryAddRow([rows[i], age], out _));
        }

        return builder.Build();
    }

    [Fact]
    public void Counts_are_rounded_and_small_cells_suppressed_with_a_second_one_so_they_cannot_be_derived()
    {
        var report = DataQualityReport.Create(Matrix(owners: 42, renters: 51, withAllowance: 4, other: 0, ages: 97, missingAges: 0));

        var housing = report.Features[0];
        Assert.Equal(95, report.Households);
        Assert.True(housing.Values.Single(v => v.Value == "rentWithAllowance").Count.Suppressed);
        Assert.True(housing.Values.Single(v => v.Value == "other").Count.Suppressed);
        // Only one small cell plus a zero: the zero counts as hidden too, so nothing else needs to go.
        Assert.Equal(40, housing.Values.Single(v => v.Value == "owner").Count.Households);
        Assert.Equal(50, housing.Values.Single(v => v.Value == "rent").Count.Households);
        Assert.Equal(0, housing.Missing.Households);
    }

    [Fact]
    public void A_single_suppressed_value_takes_the_next_smallest_with_it()
    {
        var report = DataQualityReport.Create(Matrix(owners: 40, renters: 30, withAllowance: 20, other: 5, ages: 95, missingAges: 0));

        var hidden = report.Features[0].Values.Where(v => v.Count.Suppressed).Select(v => v.Value).ToList();

        Assert.Equal(["rentWithAllowance", "other"], hidden);
    }

    [Fact]
    public void Numerics_show_rounded_quartiles_and_median_never_extremes_and_not_over_few_values()
    {
        var many = DataQualityReport.Create(Matrix(owners: 30, renters: 30, withAllowance: 20, other: 20, ages: 100, missingAges: 0)).Features[1];
        var few = DataQualityReport.Create(Matrix(owners: 30, renters: 30, withAllowance: 20, other: 20, ages: 0, missingAges: 95)).Features[1];
        var someMissing = DataQualityReport.Create(Matrix(owners: 30, renters: 30, withAllowance: 20, other: 20, ages: 0, missingAges: 85)).Features[1];

        Assert.Equal(45, many.LowerQuartile);
        Assert.Equal(70, many.Median);
        Assert.Equal(94, many.UpperQuartile);
        Assert.Null(few.Median);
        Assert.Null(few.LowerQuartile);
        // 95 missing would reveal the 5 that are not: suppressed like a share near 100 %.
        Assert.True(few.Missing.Suppressed);
        Assert.Equal(85, someMissing.Missing.Households);
        Assert.Equal(85, someMissing.Missing.SharePercent);
        Assert.Equal(40, someMissing.Median);
    }
}
