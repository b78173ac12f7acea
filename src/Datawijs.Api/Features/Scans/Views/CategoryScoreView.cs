namespace Datawijs.Api.Features.Scans.Views;

/// <summary>One category's score; all numbers unrounded.</summary>
public sealed class CategoryScoreView
{
    public string CategoryId { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Combined respondent score 1.0–5.0; null when nobody answered the category.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }

    /// <summary>Answers 1–5 divided by (questions × respondents).</summary>
    public double AnsweredShare { get; init; }

    /// <summary>1 − σ/2 over the respondents' category scores (1 = full agreement); null with fewer than two respondents.</summary>
    public double? Agreement { get; init; }

    public int RespondentCount { get; init; }

    public int? Target { get; init; }

    /// <summary>max(0, target − score); 0 means the target is reached.</summary>
    public double? Gap { get; init; }
}
