namespace Datawijs.Domain.Explanations;

/// <summary>
/// How a numeric clustering feature was standardised by k-prototypes: z = (x - mean) / sd.
/// </summary>
/// <param name="Mean">The mean used to standardise, in raw units.</param>
/// <param name="StandardDeviation">The standard deviation used to standardise; must be &gt; 0.</param>
/// <param name="Step">
/// The human step a suggested value is rounded to in a counterfactual (e.g. 100 for a yearly
/// income in euros, 1 for a number of children or an age). When null, a 1-2-5 step of at most a
/// tenth of the standard deviation is used, see <see cref="ProfileSpace.DefaultStep"/>.
/// </param>
public sealed record NumericScale(double Mean, double StandardDeviation, double? Step = null);
