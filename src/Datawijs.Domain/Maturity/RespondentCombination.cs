namespace Datawijs.Domain.Maturity;

/// <summary>How the category scores of several respondents are combined into one.</summary>
public enum RespondentCombination
{
    /// <summary>The median: one outlier respondent cannot pull the scan up or down (the default).</summary>
    Median,

    /// <summary>The arithmetic mean.</summary>
    Mean,
}
