namespace Datawijs.Domain.Privacy;

/// <summary>
/// Puts a subject identifier in its one canonical form before it is pseudonymised, so that every way
/// of writing the same person gives the same pseudonym. A BSN keeps its digits (spaces, dots and
/// hyphens between digits are dropped; one before the first or after the last digit is refused), is left-padded with zeros to nine and must pass the eleven-test:
/// <c>012345672</c>, <c>12345672</c> and <c>0123 45672</c> are one person. Another identifier is
/// trimmed and lower-cased (invariant culture). A canonical BSN is the same text as before this rule,
/// so pseudonyms stored from nine-digit BSNs keep working.
/// </summary>
public static class SubjectIds
{
    public const int BsnLength = 9;

    /// <summary>The longest identifier accepted (before canonicalising).</summary>
    public const int MaxLength = 100;

    public static string Code(SubjectIdKind kind) => kind == SubjectIdKind.Bsn ? "bsn" : "other";

    public static bool TryParseKind(string? code, out SubjectIdKind kind)
    {
        switch (code)
        {
            case "bsn":
                kind = SubjectIdKind.Bsn;
                return true;
            case "other":
                kind = SubjectIdKind.Other;
                return true;
            default:
                kind = SubjectIdKind.Bsn;
                return false;
        }
    }

    /// <summary>The canonical form, or null with the reason (in English, for a 400) when there is none.</summary>
    public static string? Canonical(string? raw, SubjectIdKind kind, out string? problem)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (raw is null)
        {
            problem = "A subject id is required.";
            return null;
        }

        return TryCanonical(raw, kind, buffer, out var written, out problem) ? new string(buffer[..written]) : null;
    }

    /// <summary>
    /// Writes the canonical form into <paramref name="destination"/> (at least <see cref="MaxLength"/>
    /// characters) without allocating, for uploads of millions of rows.
    /// </summary>
    public static bool TryCanonical(ReadOnlySpan<char> raw, SubjectIdKind kind, Span<char> destination, out int written, out string? problem)
    {
        written = 0;
        var trimmed = raw.Trim();
        if (trimmed.IsEmpty)
        {
            problem = "A subject id is required.";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            problem = $"A subject id has at most {MaxLength} characters.";
            return false;
        }

        if (kind == SubjectIdKind.Other)
        {
            written = trimmed.ToLowerInvariant(destination);
            problem = null;
            return true;
        }

        // Separators stand between digits: never before the first or after the last (so "-12345672" is not a BSN).
        const string NotDigits = "A BSN holds digits only (spaces, dots and hyphens are allowed between digits, not before or after them).";
        Span<char> digits = stackalloc char[BsnLength];
        var count = 0;
        var afterDigit = false;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == BsnLength)
                {
                    problem = "A BSN has at most nine digits.";
                    return false;
                }

                digits[count++] = c;
                afterDigit = true;
            }
            else if (c is ' ' or '.' or '-' && count > 0)
            {
                afterDigit = false;
            }
            else
            {
                problem = NotDigits;
                return false;
            }
        }

        if (count == 0 || !afterDigit)
        {
            problem = NotDigits;
            return false;
        }

        var padding = BsnLength - count;
        destination[..padding].Fill('0');
        digits[..count].CopyTo(destination[padding..]);
        if (!PassesElevenTest(destination[..BsnLength]))
        {
            problem = "Not a valid BSN: it fails the eleven-test.";
            return false;
        }

        written = BsnLength;
        problem = null;
        return true;
    }

    /// <summary>9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not 0.</summary>
    public static bool PassesElevenTest(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != BsnLength)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (nineDigits[i] - '0');
        }

        sum -= nineDigits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }
}
