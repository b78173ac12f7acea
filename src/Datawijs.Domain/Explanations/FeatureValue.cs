using System.Globalization;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// One value of one feature: a number for a numeric feature, a string for a categorical one.
/// A struct so that reading a subject's features does not allocate.
/// </summary>
public readonly record struct FeatureValue
{
    private FeatureValue(double? number, string? category)
    {
        Number = number;
        Category = category;
    }

    /// <summary>The number; <c>null</c> for a categorical value (never NaN, so it serialises to JSON).</summary>
    public double? Number { get; }

    /// <summary>The category; <c>null</c> for a numeric value.</summary>
    public string? Category { get; }

    public bool IsNumeric => Number.HasValue;

    public static FeatureValue FromNumber(double value) => new(value, null);

    public static FeatureValue FromCategory(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FeatureValue(null, value);
    }

    public override string ToString() =>
        Category ?? Number.GetValueOrDefault().ToString("R", CultureInfo.InvariantCulture);
}
