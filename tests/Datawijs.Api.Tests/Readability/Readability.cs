using System.Globalization;
using System.Text.RegularExpressions;

namespace Datawijs.Api.Tests.Readability;

/// <summary>
/// Readability formulas for the B1 check of citizen-facing text:
/// Flesch-Douma for Dutch (206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence) and
/// Flesch reading ease for English (206.835 − 1.015 × words per sentence − 84.6 × syllables per word).
/// A score of 60 or more reads as "easy enough" (B1); together with sentences of at most 20 words.
/// Conventions: a word is a run of letters or digits (with inner hyphens, apostrophes, dots and commas,
/// so "WW-uitkering", "don't" and "14.500" are one word); a number counts as two syllables (how long it
/// takes to say varies, and amounts are what citizens expect to read); an abbreviation in capitals is
/// spelled out letter by letter ("WW" = 2 syllables).
/// </summary>
public static partial class Readability
{
    // Dutch vowel units that make one syllable, longest first: "aai" in "fraai", "ieu" in "nieuw", "ij" in "bijstand".
    private static readonly string[] DutchVowelUnits =
        ["aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou", "au"];

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    // A sentence ends at '.', '?' or '!' (possibly followed by a closing quote or bracket) before a space or the end.
    [GeneratedRegex(@"(?<=[.?!][\u2019\u201d""')]?)\s+|\n+")]
    private static partial Regex SentenceBreak();

    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text.Trim()).Select(s => s.Trim()).Where(s => Words(s).Count > 0).ToList();

    public static IReadOnlyList<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToList();

    public static double FleschDouma(string text)
    {
        var (sentences, words, syllables) = Count(text, DutchSyllables);
        return 206.84 - (0.77 * 100.0 * syllables / words) - (0.93 * words / sentences);
    }

    public static double FleschReadingEase(string text)
    {
        var (sentences, words, syllables) = Count(text, EnglishSyllables);
        return 206.835 - (1.015 * words / sentences) - (84.6 * syllables / words);
    }

    public static int LongestSentence(string text) => Sentences(text).Select(s => Words(s).Count).DefaultIfEmpty(0).Max();

    private static (int Sentences, int Words, int Syllables) Count(string text, Func<string, int> syllables)
    {
        var sentences = Sentences(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            throw new ArgumentException("No words to score.", nameof(text));
        }

        return (Math.Max(1, sentences.Count), words.Count, words.Sum(syllables));
    }

    /// <summary>
    /// Syllables of a Dutch word: one per vowel unit. Two-letter and three-letter units (aa, ie, ij, eeu, ooi, …) are
    /// one sound; any other run of vowels splits ("situatie" = si-tu-a-tie, "reactie" = re-ac-tie), and a vowel with a
    /// trema starts a new syllable ("België", "geïnteresseerd"). A word in capitals of at most four letters is spelled out.
    /// </summary>
    public static int DutchSyllables(string word)
    {
        if (Special(word) is { } special)
        {
            return special;
        }

        var count = 0;
        foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Spelled(part) is { } spelled)
            {
                count += spelled;
                continue;
            }

            var w = part.ToLowerInvariant();
            var i = 0;
            var inPart = 0;
            while (i < w.Length)
            {
                var c = w[i];
                if (c is 'ë' or 'ï' or 'ö' or 'ü' or 'é' or 'è' or 'ê' or 'á' or 'à' or 'ó' or 'ú')
                {
                    inPart++;
                    i++;
                    continue;
                }

                if (!IsDutchVowel(c))
                {
                    i++;
                    continue;
                }

                var unit = DutchVowelUnits.FirstOrDefault(u => string.CompareOrdinal(w, i, u, 0, u.Length) == 0);
                inPart++;
                i += unit?.Length ?? 1;
            }

            count += Math.Max(1, inPart);
        }

        return Math.Max(1, count);
    }

    /// <summary>
    /// Syllables of an English word: vowel groups (a, e, i, o, u, y), less a silent final "e" (not in "-le" after a
    /// consonant), less the "e" of "-ed" and "-es" where it is not sounded ("looked", "homes"; but "wanted", "fixes").
    /// </summary>
    public static int EnglishSyllables(string word)
    {
        if (Special(word) is { } special)
        {
            return special;
        }

        var count = 0;
        foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Spelled(part) is { } spelled)
            {
                count += spelled;
                continue;
            }

            var w = new string(part.ToLowerInvariant().Where(char.IsLetter).ToArray());
            if (w.Length == 0)
            {
                continue;
            }

            var groups = 0;
            var previousVowel = false;
            foreach (var c in w)
            {
                var vowel = "aeiouy".Contains(c, StringComparison.Ordinal);
                if (vowel && !previousVowel)
                {
                    groups++;
                }

                previousVowel = vowel;
            }

            if (groups > 1 && w.EndsWith('e') && !(w.EndsWith("le", StringComparison.Ordinal) && w.Length > 2 && !"aeiouy".Contains(w[^3], StringComparison.Ordinal)))
            {
                groups--;
            }
            else if (groups > 1 && w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 3 && w[^3] is not ('t' or 'd') && !"aeiouy".Contains(w[^3], StringComparison.Ordinal))
            {
                groups--;
            }
            else if (groups > 1 && w.EndsWith("es", StringComparison.Ordinal) && w.Length > 3
                     && !(w.EndsWith("ses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)
                          || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("ges", StringComparison.Ordinal) || w.EndsWith("ces", StringComparison.Ordinal))
                     && !"aeiouy".Contains(w[^3], StringComparison.Ordinal))
            {
                groups--;
            }

            count += Math.Max(1, groups);
        }

        return Math.Max(1, count);
    }

    private static int? Special(string word)
    {
        if (word.Any(char.IsDigit))
        {
            return 2;
        }

        return word.Contains('-', StringComparison.Ordinal) ? null : Spelled(word);
    }

    private static int? Spelled(string part)
    {
        var letters = part.Where(char.IsLetter).ToArray();
        return letters.Length is > 1 and <= 4 && letters.All(char.IsUpper) ? letters.Length : null;
    }

    private static bool IsDutchVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    public static string Describe(string text, bool dutch) => string.Create(
        CultureInfo.InvariantCulture,
        $"score {(dutch ? FleschDouma(text) : FleschReadingEase(text)):0.0}, longest sentence {LongestSentence(text)} words: {text}");
}
