using System.Globalization;
using Datawijs.Domain.Outflow;

namespace Datawijs.Domain.Tests.Outflow;

/// <summary>
/// Reads the CSV files that reference/make-fixtures.R wrote: the synthetic households and R's results on
/// them (survival 3.5). Found by walking up from the test binaries to the repository's test folder.
/// </summary>
internal static class ReferenceFixtures
{
    public static readonly IReadOnlyList<string> ProvisionValues = ["none", "coaching", "training"];
    public static readonly IReadOnlyList<string> ChildrenValues = ["no", "yes"];

    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Datawijs.Domain.Tests", "Outflow", "reference");
            if (File.Exists(Path.Combine(candidate, "data.csv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Datawijs.Domain.Tests/Outflow/reference/data.csv not found above " + AppContext.BaseDirectory);
    });

    public static IReadOnlyList<Dictionary<string, string>> Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder.Value, file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select((v, i) => (header[i], v)).ToDictionary(x => x.Item1, x => x.v))
            .ToList();
    }

    /// <summary>A number as R wrote it: NA → NaN, Inf → infinity.</summary>
    public static double Number(this Dictionary<string, string> row, string column) => row[column] switch
    {
        "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text, CultureInfo.InvariantCulture),
    };

    public static double? Optional(this Dictionary<string, string> row, string column) =>
        row[column] == "NA" ? null : row.Number(column);

    public static int Integer(this Dictionary<string, string> row, string column) => int.Parse(row[column], CultureInfo.InvariantCulture);

    public static Households Dataset(string name)
    {
        var rows = Read("data.csv").Where(r => r["dataset"] == name).OrderBy(r => r.Integer("row")).ToList();
        return new Households(
            rows.Select(r => r.Number("duration")).ToArray(),
            rows.Select(r => r.Integer("event") == 1).ToArray(),
            rows.Select(r => r.Integer("group")).ToArray(),
            rows.Select(r => ProvisionValues.ToList().IndexOf(r["provision"])).ToArray(),
            rows.Select(r => ChildrenValues.ToList().IndexOf(r["children"])).ToArray(),
            rows.Select(r => r.Number("age")).ToArray(),
            rows.Select(r => r.Number("income")).ToArray());
    }

    public static IEnumerable<string> Datasets() => Read("data.csv").Select(r => r["dataset"]).Distinct();
}

internal sealed record Households(double[] Durations, bool[] Events, int[] Groups, int[] Provision, int[] Children, double[] Age, double[] Income)
{
    public int GroupCount => Groups.Max() + 1;

    public SurvivalData Data() => SurvivalData.Create(Durations, Events, Groups, GroupCount);

    public IReadOnlyList<CoxCovariate> Covariates() =>
    [
        CoxCovariate.Categorical("provision", Provision, ReferenceFixtures.ProvisionValues),
        CoxCovariate.Categorical("children", Children, ReferenceFixtures.ChildrenValues),
        CoxCovariate.Numeric("age", Age),
        CoxCovariate.Numeric("income", Income),
    ];
}
