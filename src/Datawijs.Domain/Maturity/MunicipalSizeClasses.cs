namespace Datawijs.Domain.Maturity;

/// <summary>The eight CBS size classes. Ids are stable: they are stored and appear in the API.</summary>
public static class MunicipalSizeClasses
{
    public static IReadOnlyList<MunicipalSizeClass> All { get; } = MaturityModel.Freeze(new MunicipalSizeClass[]
    {
        new("lt-5k", 1, 0, 5_000, new("minder dan 5.000 inwoners", "fewer than 5,000 inhabitants")),
        new("5k-10k", 2, 5_000, 10_000, new("5.000 tot 10.000 inwoners", "5,000 to 10,000 inhabitants")),
        new("10k-20k", 3, 10_000, 20_000, new("10.000 tot 20.000 inwoners", "10,000 to 20,000 inhabitants")),
        new("20k-50k", 4, 20_000, 50_000, new("20.000 tot 50.000 inwoners", "20,000 to 50,000 inhabitants")),
        new("50k-100k", 5, 50_000, 100_000, new("50.000 tot 100.000 inwoners", "50,000 to 100,000 inhabitants")),
        new("100k-150k", 6, 100_000, 150_000, new("100.000 tot 150.000 inwoners", "100,000 to 150,000 inhabitants")),
        new("150k-250k", 7, 150_000, 250_000, new("150.000 tot 250.000 inwoners", "150,000 to 250,000 inhabitants")),
        new("gte-250k", 8, 250_000, null, new("250.000 inwoners of meer", "250,000 inhabitants or more")),
    });

    /// <summary>The class of a number of inhabitants; a boundary value belongs to the higher class.</summary>
    public static MunicipalSizeClass For(int inhabitants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inhabitants);
        return All.First(c => c.Contains(inhabitants));
    }

    public static MunicipalSizeClass? Find(string id) =>
        All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
