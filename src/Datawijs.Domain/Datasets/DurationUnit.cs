namespace Datawijs.Domain.Datasets;

/// <summary>The unit of an outflow duration.</summary>
public enum DurationUnit
{
    Months,
    Weeks,
    Days,
}
