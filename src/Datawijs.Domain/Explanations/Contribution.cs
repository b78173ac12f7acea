using Datawijs.Domain.Datasets;

namespace Datawijs.Domain.Explanations;

/// <summary>
/// One feature's exact term in the distance to the assigned profile. Summed in the listed
/// order the terms give <see cref="Explanation.Distance"/> bit for bit.
/// </summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Type">Numeric or categorical.</param>
/// <param name="Term">The term: squared standardised difference, or gamma for a mismatch, else 0.</param>
/// <param name="SubjectValue">The subject's value (raw units).</param>
/// <param name="ProfileValue">The assigned profile's centroid value (raw mean or mode).</param>
/// <param name="RunnerUpTerm">
/// The same feature's term in the distance to the runner-up profile. RunnerUpTerm − Term &gt; 0
/// means this feature pulled the subject toward the assigned profile.
/// </param>
public sealed record Contribution(
    string Feature,
    FeatureType Type,
    double Term,
    FeatureValue SubjectValue,
    FeatureValue ProfileValue,
    double RunnerUpTerm);
