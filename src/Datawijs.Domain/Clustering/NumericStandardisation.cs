namespace Datawijs.Domain.Clustering;

/// <summary>
/// How one numeric clustering feature was standardised: z = (x − Mean) / StandardDeviation.
/// Mean and (population) standard deviation are computed on the non-missing values of the dataset.
/// A constant column gets StandardDeviation 1 so that it simply contributes nothing.
/// </summary>
public sealed record NumericStandardisation(int FeatureIndex, string Feature, double Mean, double StandardDeviation)
{
    public double Standardise(double raw) => (raw - Mean) / StandardDeviation;

    public double Unstandardise(double z) => Mean + (z * StandardDeviation);
}
