namespace CommitmentTracker.Extraction;

/// <summary>The language of a record, and whether the extractor has rules for it.</summary>
public sealed record RecordLanguage(string Code, string Name, bool IsSupported)
{
    public static readonly RecordLanguage English = new("en", "English", true);

    public static readonly RecordLanguage Russian = new("ru", "Russian", true);

    /// <summary>The codes the extractor reads.</summary>
    public static IReadOnlyList<RecordLanguage> Supported { get; } = [English, Russian];

    public static RecordLanguage Of(string code) => code.Trim().ToLowerInvariant() switch
    {
        "en" or "eng" or "english" => English,
        "ru" or "rus" or "russian" => Russian,
        "be" or "bel" or "belarusian" => new("be", "Belarusian", false),
        "uk" or "ukr" or "ukrainian" => new("uk", "Ukrainian", false),
        var other => new(other, other, false),
    };
}

/// <summary>
/// Tells English from Russian (and both from what the extractor cannot read) by the letters a text is written in and
/// its commonest words: Cyrillic with Belarusian or Ukrainian letters (ў, і, ї, є, ґ) and few Russian ones is not
/// Russian; Latin text is English only when English function words make up a fair share of it.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "in", "is", "that", "with", "for", "on", "we", "will", "be", "are", "this", "it", "as", "by", "our", "said",
        "us", "you", "your", "a", "an", "at", "from", "has", "have", "was", "were", "not", "but", "all", "these", "they", "can", "should",
    };

    public static RecordLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Russian writes и, щ and ъ; Belarusian writes і and ў instead; Ukrainian і, ї, є and ґ.
        int latin = 0, cyrillic = 0, russian = 0, dotlessI = 0, shortU = 0, ukrainian = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case >= 'a' and <= 'z' or >= 'A' and <= 'Z':
                    latin++;
                    break;
                case 'и' or 'И' or 'щ' or 'Щ' or 'ъ' or 'Ъ':
                    cyrillic++;
                    russian++;
                    break;
                case 'ў' or 'Ў':
                    cyrillic++;
                    shortU++;
                    break;
                case 'і' or 'І':
                    cyrillic++;
                    dotlessI++;
                    break;
                case 'ї' or 'Ї' or 'є' or 'Є' or 'ґ' or 'Ґ':
                    cyrillic++;
                    ukrainian++;
                    break;
                case >= '\u0400' and <= '\u04FF':
                    cyrillic++;
                    break;
            }
        }

        if (latin + cyrillic < 20)
        {
            return new RecordLanguage("und", "undetermined (too little text)", false);
        }

        if (cyrillic >= latin)
        {
            if (dotlessI + shortU + ukrainian <= russian)
            {
                return RecordLanguage.Russian;
            }

            return shortU >= ukrainian ? RecordLanguage.Of("be") : RecordLanguage.Of("uk");
        }

        var words = 0;
        var common = 0;
        foreach (var word in text.Split([' ', '\n', '\t', ',', '.', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            words++;
            if (EnglishWords.Contains(word))
            {
                common++;
            }
        }

        // A line or two is too short to tell by its words; a longer Latin text must read like English.
        return common * 100 >= words * 8 || words < 12 ? RecordLanguage.English : new RecordLanguage("und", "a language other than English or Russian", false);
    }
}
