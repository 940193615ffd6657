using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Parties;

/// <summary>
/// The people a record introduces with their party: "Prime Minister of Pakistan Shehbaz Sharif", "Pakistan Prime
/// Minister Shehbaz Sharif", "Президент Зимбабве Эммерсон Мнангагва", "Viktor Tomenko, Governor of Altai Krai".
/// A news record names a person once with the office and then by name alone ("Shehbaz Sharif renewed his
/// invitation", «Мнангагва пригласил Лукашенко»), so the person's party is what leads such a sentence.
/// </summary>
/// <remarks>
/// A person is known by the surname's stem, so a Russian name in any case is the same person ("Евгением Куйвашевым",
/// "Евгений Куйвашев"). A surname introduced with two parties is the more specific when one contains the other, and
/// unknown otherwise.
/// </remarks>
internal sealed partial class NamedPeople
{
    private readonly Dictionary<string, string?> partyOfSurname;

    private NamedPeople(Dictionary<string, string?> partyOfSurname) => this.partyOfSurname = partyOfSurname;

    public static NamedPeople Of(string text, PartyMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (start, end, key) in matcher.Every(text))
        {
            // An introduction is short: the office and the name fit in the characters next to the party's name.
            var before = Math.Max(0, start - Reach);
            foreach (var name in (Match[])[After().Match(text, end), Before().Match(text, before, start - before)])
            {
                if (name.Success && Surname(name.Groups["name"].Value, matcher) is { } surname)
                {
                    (found.TryGetValue(surname, out var keys) ? keys : found[surname] = new HashSet<string>(StringComparer.Ordinal)).Add(key);
                }
            }
        }

        // "Russia's Yevgeny Kuivashev, Governor of Sverdlovsk Oblast" names the person with a state and its region: the
        // region is the person's party. Two parties neither of which contains the other leave the person unknown.
        return new NamedPeople(found.ToDictionary(
            f => f.Key,
            f => f.Value.FirstOrDefault(k => f.Value.All(o => o == k || matcher.IsWithin(k, o))),
            StringComparer.Ordinal));
    }

    /// <summary>
    /// The party of the person a subject ends with ("On 5 July, Sharif" → Pakistan's key), or null; also null for
    /// two people together («Филимонов и Лукашенко договорились»), who are both sides.
    /// </summary>
    public string? PartyOf(string subject)
    {
        var words = Words.Of(subject);
        if (words.Count == 0 || !char.IsUpper(words[^1].Text[0]) || !partyOfSurname.TryGetValue(SurnameKey(words[^1].Text), out var key))
        {
            return null;
        }

        var first = words.Count - 1;
        while (first > 0 && words.Count - first < 3 && char.IsUpper(words[first - 1].Text[0]))
        {
            first--;
        }

        return first > 0 && Together().IsMatch(words[first - 1].Text) ? null : key;
    }

    // A name is two or three capitalised words none of which is a party's name, an office or the word for a body:
    // "Tractor Works" after "Minsk" and "Vice President" after "Venezuela's" are not people.
    // The name is the words at its end that are neither: "В Минске Виктор Томенко" and "России Виктор Томенко" are
    // "Виктор Томенко".
    private static string? Surname(string name, PartyMatcher matcher)
    {
        var words = Words.Of(name);
        var parties = matcher.Every(name).ToList();
        var first = words.Count;
        while (first > 0 && !NotAName().IsMatch(words[first - 1].Text) && !parties.Any(p => p.Start < words[first - 1].End && words[first - 1].Start < p.End))
        {
            first--;
        }

        return words.Count - first >= 2 ? SurnameKey(words[^1].Text) : null;
    }

    // Russian surnames in -ов/-ев/-ин keep the suffix in every case ("Куйвашев", "Куйвашевым", "Путину"), which the
    // light stem would cut from the nominative alone; any other name compares by its stem.
    private static string SurnameKey(string word) =>
        RussianSurname().Match(word.ToLowerInvariant().Replace('ё', 'е')) is { Success: true } m ? m.Groups["key"].Value : Words.Stem(word);

    private const int Reach = 160;

    private const string Name = @"(?<name>(?-i:\p{Lu}[\p{Ll}’'-]+)(?:\s+(?-i:\p{Lu}[\p{Ll}’'-]+)){1,2})(?![\p{L}\d])";

    private const string Office = @"(?:President|Prime|Minister|Foreign|Deputy|Governor|Head|Chairman|Chairwoman|Chairperson|Speaker|Ambassador|Mayor|Premier|Vice|First|Acting|Secretary|General|Envoy|Leader|Affairs|of|and|the|губернатор\p{L}*|глав\p{L}*|президент\p{L}*|премьер-министр\p{L}*|председател\p{L}*|посл\p{L}*|министр\p{L}*|мэр\p{L}*|руководител\p{L}*|лидер\p{L}*|спикер\p{L}*|заместител\p{L}*|вице-премьер\p{L}*|перв\p{L}*)";

    // "Pakistan Prime Minister Shehbaz Sharif", "of Pakistan Shehbaz Sharif", "Зимбабве Эммерсон Мнангагва".
    [GeneratedRegex(@"\G(?:['’]s)?,?\s+(?:" + Office + @"\s+){0,5}" + Name, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    // "Viktor Tomenko, Governor of ", «Виктор Томенко, губернатор »: the office and then the party.
    // Read from the end, where the party's name starts, so the engine tries one position, not every one before it.
    [GeneratedRegex(Name + @",\s+(?:" + Office + @"\s+){1,5}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex Before();

    [GeneratedRegex(@"^(?<key>\p{IsCyrillic}+(?:ов|ев|ин|ын))(?:ым|ом|ой|у|а|е|ы)?$")]
    private static partial Regex RussianSurname();

    [GeneratedRegex(@"^(?:and|with|и|с|со)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Together();

    [GeneratedRegex(@"^(?:" + Office + @"|Oblast|Region|Territory|Krai|Republic|Ministry|Committee|Plant|Works|Company|Corporation|Holding|Days?|Forum|University|State|Federation|Council|Union|Government|Assembly|Duma|Bank|Group|область|край|республика|министерство|комитет|завод|компания|холдинг|дни|форум|университет|совет|союз|правительство|дума|банк)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();
}
