using Datawijs.Domain.Datasets;
using Datawijs.Domain.Explanations;

namespace Datawijs.Domain.Disclosure;

/// <summary>One feature's contribution as it is returned.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Type">Numeric or categorical.</param>
/// <param name="Term">The term of the distance to the advised profile, against its published centre, two decimals.</param>
/// <param name="SubjectValue">The subject's own value, as sent.</param>
/// <param name="ProfileValue">
/// The advised profile's value as published: its rounded median (numeric; null when the publication withholds
/// it) or its mode (categorical).
/// </param>
/// <param name="RunnerUpTerm">The same for the runner-up profile.</param>
public sealed record PublishedContribution(
    string Feature,
    FeatureType Type,
    double Term,
    FeatureValue SubjectValue,
    FeatureValue? ProfileValue,
    double RunnerUpTerm);
