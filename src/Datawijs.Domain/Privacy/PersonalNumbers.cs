namespace Datawijs.Domain.Privacy;

/// <summary>Recognises a Dutch citizen service number (BSN), so that one is refused where it must never appear, such as a URL.</summary>
public static class PersonalNumbers
{
    /// <summary>
    /// True for 9 digits (or 8, which a BSN is when its leading zero is dropped) that pass the BSN
    /// eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not 0.
    /// </summary>
    public static bool LooksLikeBsn(string? value)
    {
        if (value is null || value.Length is not (8 or 9) || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = value.PadLeft(9, '0');
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }
}
