namespace Datawijs.Api.Validation;

/// <summary>
/// Characters that must not reach text people read (names of clients and portals, labels, reasons): control
/// characters, and the Unicode bidirectional marks, embeddings, overrides and isolates, which make a name
/// display as another ("Demoportaal" followed by U+202E and reversed text).
/// </summary>
public static class DisplayText
{
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
