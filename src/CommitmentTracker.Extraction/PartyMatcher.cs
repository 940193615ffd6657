namespace CommitmentTracker.Extraction;

/// <summary>
/// Finds known parties by their names (case-insensitive, whole words), plus "Belarus"/"Belarusian(s)" for the
/// party keyed "BY" when the caller knows it. Keys come back in order of first mention, each once.
/// </summary>
internal sealed class PartyMatcher
{
    private const string BelarusKey = "BY";

    private readonly (string Key, string Name)[] names;
    private readonly bool knowsBelarus;

    public PartyMatcher(IReadOnlyList<KnownParty> parties)
    {
        names = [.. parties
            .SelectMany(p => p.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => (p.Key, Name: n.Trim())))
            .OrderByDescending(p => p.Name.Length)];
        knowsBelarus = parties.Any(p => p.Key == BelarusKey);
    }

    public IReadOnlyList<string> Find(string text)
    {
        var found = new List<(int Index, string Key)>();
        foreach (var (key, name) in names)
        {
            var at = IndexOfWord(text, name, 0);
            if (at >= 0)
            {
                found.Add((at, key));
            }
        }

        if (knowsBelarus && CueRules.BelarusWords().Match(text) is { Success: true } belarus)
        {
            found.Add((belarus.Index, BelarusKey));
        }

        return [.. found.OrderBy(f => f.Index).Select(f => f.Key).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="text"/> ends with a party's name: "Russia and Belarus" before "should".</summary>
    public bool EndsWithParty(string text)
    {
        foreach (var (_, name) in names)
        {
            if (text.EndsWith(name, StringComparison.OrdinalIgnoreCase) && IsBoundary(text, text.Length - name.Length - 1))
            {
                return true;
            }
        }

        return knowsBelarus && (text.EndsWith("Belarus", StringComparison.Ordinal) || text.EndsWith("Belarusians", StringComparison.Ordinal))
            && IsBoundary(text, text.LastIndexOf("Belarus", StringComparison.Ordinal) - 1);
    }

    private static int IndexOfWord(string text, string word, int from)
    {
        for (var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsBoundary(text, at - 1) && IsBoundary(text, at + word.Length))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsBoundary(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
