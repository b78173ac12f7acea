using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Features.Datasets;

/// <summary>A count as it may be shown: rounded to 5 with its share; both null when suppressed by the disclosure rules.</summary>
public sealed class QualityCountView
{
    public int? Households { get; init; }

    public int? SharePercent { get; init; }

    public bool Suppressed { get; init; }

    public static QualityCountView From(QualityCount count) =>
        new() { Households = count.Households, SharePercent = count.SharePercent, Suppressed = count.Suppressed };
}
