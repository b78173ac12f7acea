namespace Datawijs.Api.Features.ProfileSets.Views;

/// <summary>The log-rank test (rho = 0) of equal outflow in every group.</summary>
public sealed class LogRankView
{
    public double ChiSquare { get; init; }

    public int Df { get; init; }

    public double PValue { get; init; }
}
