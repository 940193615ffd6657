using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Parties;

/// <summary>
/// Finds registered parties by any of their names in either language, whatever the case or the inflection
/// ("Novosibirsk Oblast", "Новосибирской области"), as whole words. Keys come back in order of first mention.
/// </summary>
internal sealed class PartyMatcher
{
    private readonly Dictionary<string, List<(string Key, string[] Stems, bool Exact)>> byFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownParty> parties;

    public PartyMatcher(IReadOnlyList<KnownParty> known)
    {
        parties = known.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var states = known.Where(p => p.ParentKey is null).SelectMany(p => p.Names).Select(n => Words.Of(n).Select(w => w.Stem).ToArray()).Where(s => s.Length > 0).ToList();
        foreach (var party in known)
        {
            foreach (var name in party.Names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var words = Words.Of(name);
                if (words.Count == 0)
                {
                    continue;
                }

                var exact = words.Count == 1 && Words.IsAcronym(words[0].Text);
                string[] stems = exact ? [words[0].Text] : [.. words.Select(w => w.Stem)];
                Add(party.Key, stems, exact);

                // "Ministry of Foreign Affairs of Belarus" is also "the Ministry of Foreign Affairs": a body's name
                // without its state is still its name (kept only when two or more words remain).
                if (!exact && party.ParentKey is not null)
                {
                    foreach (var state in states.Where(s => s.Length < stems.Length && stems.AsSpan(stems.Length - s.Length).SequenceEqual(s)))
                    {
                        var prefix = stems[..^state.Length];
                        while (prefix.Length > 0 && prefix[^1] is "of" or "the" or "республик")
                        {
                            prefix = prefix[..^1];
                        }

                        if (prefix.Length >= 2)
                        {
                            Add(party.Key, prefix, exact: false);
                        }
                    }
                }
            }
        }

        foreach (var list in byFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        }
    }

    private void Add(string key, string[] stems, bool exact)
    {
        if (!byFirstStem.TryGetValue(stems[0], out var list))
        {
            byFirstStem[stems[0]] = list = [];
        }

        list.Add((key, stems, exact));
    }

    public KnownParty? this[string key] => parties.GetValueOrDefault(key);

    public IEnumerable<KnownParty> All => parties.Values;

    /// <summary>Whether <paramref name="part"/> lies within <paramref name="whole"/> ("Sverdlovsk Oblast" within Russia).</summary>
    public bool IsWithin(string part, string whole)
    {
        var current = part;
        for (var hops = 0; hops < 10 && parties.GetValueOrDefault(current)?.ParentKey is { } parent; hops++)
        {
            if (parent == whole)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>Every party named in <paramref name="text"/>, with the offset of its first mention.</summary>
    public IReadOnlyList<(int Index, string Key)> Mentions(string text)
    {
        var found = new List<(int Index, string Key)>();
        foreach (var (start, _, key) in Every(text))
        {
            if (!found.Any(f => f.Key == key))
            {
                found.Add((start, key));
            }
        }

        return found;
    }

    /// <summary>Every mention of a party in <paramref name="text"/>, each with where its name starts and ends.</summary>
    public IEnumerable<(int Start, int End, string Key)> Every(string text)
    {
        var words = Words.Of(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (MatchAt(words, i) is { } match)
            {
                yield return (words[i].Start, words[i + match.Length - 1].End, match.Key);
                i += match.Length - 1;
            }
        }
    }

    public IReadOnlyList<string> Find(string text) => [.. Mentions(text).Select(m => m.Key)];

    /// <summary>The party whose name ends <paramref name="text"/> ("Belarus and Karelia" → Karelia's key), or null.</summary>
    public string? EndingWith(string text)
    {
        var words = Words.Of(text);
        for (var start = Math.Max(0, words.Count - 6); start < words.Count; start++)
        {
            if (MatchAt(words, start) is { } match && start + match.Length == words.Count)
            {
                return match.Key;
            }
        }

        return null;
    }

    /// <summary>"МАЗом", "МТЗ-шный": an acronym with a Russian case ending is the acronym.</summary>
    private static string AcronymOf(string word)
    {
        var capitals = 0;
        while (capitals < word.Length && char.IsUpper(word[capitals]))
        {
            capitals++;
        }

        return capitals >= 2 && word.Length - capitals <= 3 && word[capitals..].All(c => char.IsLower(c) || c == '-') ? word[..capitals] : word;
    }

    private (string Key, int Length)? MatchAt(IReadOnlyList<Word> words, int i)
    {
        foreach (var probe in (string[])[words[i].Stem, words[i].Text, AcronymOf(words[i].Text)])
        {
            if (!byFirstStem.TryGetValue(probe, out var names))
            {
                continue;
            }

            foreach (var (key, stems, exact) in names)
            {
                if (i + stems.Length > words.Count)
                {
                    continue;
                }

                var all = true;
                for (var k = 0; k < stems.Length && all; k++)
                {
                    all = exact ? words[i + k].Text == stems[k] || AcronymOf(words[i + k].Text) == stems[k] : words[i + k].Stem == stems[k];
                }

                if (all)
                {
                    return (key, stems.Length);
                }
            }
        }

        return null;
    }
}
