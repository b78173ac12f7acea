namespace Datawijs.Domain.Datasets;

/// <summary>How a feature's values are measured.</summary>
public enum FeatureType
{
    Categorical,
    Numeric,
}
