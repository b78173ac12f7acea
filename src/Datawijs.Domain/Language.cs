namespace Datawijs.Domain;

/// <summary>The languages Datawijs writes text for people in. Dutch (B1) is the default.</summary>
public enum Language
{
    /// <summary>Dutch (B1), the default for citizen- and staff-facing text.</summary>
    Dutch,

    /// <summary>English, on <c>Accept-Language: en</c>.</summary>
    English,
}
