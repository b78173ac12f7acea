using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Synthetic;

/// <summary>
/// A made-up reference population for the demo: all households of a municipality whose food bank has
/// <c>clients</c> of them as clients. The food-bank pilot had 191 client households among 11,346 (1.7 %); the demo keeps
/// that share, so 1,000 clients give 59,403 households. The shares per value are rough, plausible figures for a Dutch
/// municipality (about 4 in 10 households single, 6 % single parents, a bit over half owner-occupiers, most without a
/// benefit), not taken from any real table. Counts of each feature add up to all households. See docs/profiles.md.
/// </summary>
public static class FoodBankResidents
{
    /// <summary>The pilot's households: 191 food-bank clients among 11,346 households.</summary>
    public const int PilotClients = 191;

    public const int PilotHouseholds = 11_346;

    public const string Source = "Synthetic demo figures, scaled from the food-bank pilot (191 of 11,346 households)";

    private static readonly (string Feature, (string Value, double Share)[] Values)[] Shares =
    [
        ("benefitType", [("none", 0.87), ("unemployment", 0.02), ("socialAssistance", 0.05), ("disability", 0.06)]),
        ("education", [("low", 0.28), ("middle", 0.40), ("high", 0.32)]),
        ("housing", [("owner", 0.56), ("rent", 0.30), ("rentWithAllowance", 0.14)]),
        ("householdType", [("couple", 0.56), ("single", 0.38), ("singleParent", 0.06)]),
        ("youthCare", [("no", 0.96), ("yes", 0.04)]),
        ("wmoSupport", [("no", 0.90), ("yes", 0.10)]),
    ];

    private static readonly (string Feature, (double Min, double Max, double Share)[] Bands)[] BandShares =
    [
        ("disposableIncome", [(0, 15_000, 0.10), (15_000, 25_000, 0.20), (25_000, 40_000, 0.30), (40_000, 200_000, 0.40)]),
        ("children", [(0, 1, 0.68), (1, 3, 0.26), (3, 15, 0.06)]),
        ("age", [(18, 30, 0.14), (30, 50, 0.33), (50, 65, 0.27), (65, 110, 0.26)]),
    ];

    /// <summary>All households of the demo municipality for <paramref name="clients"/> client households, for <paramref name="year"/>.</summary>
    public static ReferencePopulation Generate(int clients, int year)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clients);
        var households = (int)Math.Round((double)clients * PilotHouseholds / PilotClients, MidpointRounding.AwayFromZero);
        var categorical = Shares.ToDictionary(
            s => s.Feature,
            s => (IReadOnlyDictionary<string, int>)Split(households, s.Values.Select(v => v.Share).ToArray())
                .Select((count, i) => (s.Values[i].Value, count)).ToDictionary(x => x.Value, x => x.count, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var numeric = BandShares.ToDictionary(
            s => s.Feature,
            s => (IReadOnlyList<ReferenceBand>)Split(households, s.Bands.Select(b => b.Share).ToArray())
                .Select((count, i) => new ReferenceBand(s.Bands[i].Min, s.Bands[i].Max, count)).ToList(),
            StringComparer.Ordinal);
        return new ReferencePopulation(Source, year, households, categorical, numeric);
    }

    // Rounded shares of the total; the last value takes the remainder, so the counts add up to the total exactly.
    private static int[] Split(int total, double[] shares)
    {
        var counts = shares.Select(s => (int)Math.Round(total * s, MidpointRounding.AwayFromZero)).ToArray();
        counts[^1] = total - counts[..^1].Sum();
        return counts;
    }
}
