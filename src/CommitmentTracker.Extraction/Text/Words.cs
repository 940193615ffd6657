using System.Text.RegularExpressions;

namespace CommitmentTracker.Extraction.Text;

/// <summary>A word of a text with its offsets and the stem that compares it across inflections.</summary>
internal readonly record struct Word(int Start, int End, string Text, string Stem);

/// <summary>
/// Words and stems for matching names and comparing sentences. The stems are light on purpose: Russian drops one
/// case or adjective ending ("Новосибирской области" and "Новосибирская область" both give
/// "новосибирск област"), English a possessive or plural. A stem is never shorter than three letters, so short names
/// keep their identity. Short all-capital names ("MAZ", "МТЗ") are compared as written.
/// </summary>
internal static partial class Words
{
    // Longest first: the first that leaves at least three letters is dropped.
    private static readonly string[] RussianEndings =
    [
        "иями", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ой",
        "ей", "ий", "ый", "ых", "их", "ым", "им", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ия", "ии", "ию",
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    ];

    private static readonly (string Ending, string Replacement)[] EnglishEndings =
    [
        ("ies", "i"), ("ied", "i"), ("ing", string.Empty), ("ed", string.Empty), ("es", string.Empty), ("ss", "ss"), ("us", "us"),
        ("s", string.Empty), ("e", string.Empty), ("y", "i"),
    ];

    public static IReadOnlyList<Word> Of(string text, int offset = 0)
    {
        var words = new List<Word>();
        foreach (Match m in WordPattern().Matches(text))
        {
            words.Add(new Word(offset + m.Index, offset + m.Index + m.Length, m.Value, Stem(m.Value)));
        }

        return words;
    }

    public static string Stem(string word)
    {
        var lower = word.ToLowerInvariant().Replace('ё', 'е');
        if (lower.Length > 0 && lower[0] is >= 'а' and <= 'я')
        {
            foreach (var ending in RussianEndings)
            {
                if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal))
                {
                    return lower[..^ending.Length];
                }
            }

            return lower;
        }

        if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        // English: one inflectional ending ("supplies"/"supply", "finalizing"/"finalize", "agreed"/"agree").
        foreach (var (ending, replacement) in EnglishEndings)
        {
            if (lower.Length - ending.Length >= 4 && lower.EndsWith(ending, StringComparison.Ordinal))
            {
                return lower[..^ending.Length] + replacement;
            }
        }

        return lower;
    }

    /// <summary>
    /// <see cref="Stem(string)"/> of a word already lower-cased, written into <paramref name="stem"/> without a new
    /// string (the sentence model's hashed features); returns the stem's length. The two must agree: a test checks it.
    /// </summary>
    public static int Stem(ReadOnlySpan<char> lower, Span<char> stem)
    {
        lower.CopyTo(stem);
        var length = lower.Length;
        var word = stem[..length];
        word.Replace('ё', 'е');
        if (length > 0 && word[0] is >= 'а' and <= 'я')
        {
            foreach (var ending in RussianEndings)
            {
                if (length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
                {
                    return length - ending.Length;
                }
            }

            return length;
        }

        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            length -= 2;
            word = stem[..length];
        }

        foreach (var (ending, replacement) in EnglishEndings)
        {
            if (length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                replacement.CopyTo(stem[(length - ending.Length)..]);
                return length - ending.Length + replacement.Length;
            }
        }

        return length;
    }

    /// <summary>What a word is, for callers that walk a text's words without allocating them.</summary>
    public static Regex Pattern => WordPattern();

    /// <summary>Short names in capitals are compared as written: "MAZ" is not "maz" inside another word's stem.</summary>
    public static bool IsAcronym(string word) => word.Length <= 5 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsLetter);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
