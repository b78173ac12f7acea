namespace Datawijs.Domain.Maturity;

/// <summary>The full questionnaire or the quick one (one question per category).</summary>
public enum ModelVariant
{
    Full,
    Quick,
}
