using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Parties;

/// <summary>
/// Who leads a proposal and who is on the other side, from the words before the cue and the meeting's sides: "we"
/// is the speaker's side, "you" the first other side, a named party is itself, and an instruction goes to the party
/// it addresses (the speaker's government when it says "the government"). The counterpart is the other side named
/// in the passage, else the meeting's other side; in a meeting of one side with its own government there is none.
/// </summary>
internal sealed partial class PartyRoles(IReadOnlyList<KnownParty> parties, string? speaker, IReadOnlyList<string> otherSides, bool offersToTheAddressee = false, NamedPeople? people = null)
{
    private readonly Dictionary<string, KnownParty> byKey = parties.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private string? SpeakerRoot => speaker is null ? null : Root(speaker);

    /// <summary>Every other side belongs to the speaker's own state: a government meeting, an internal report.</summary>
    public bool IsInternal => speaker is not null && otherSides.Count > 0 && otherSides.All(o => Root(o) == SpeakerRoot);

    public (IReadOnlyList<string> Lead, IReadOnlyList<string> Counterparts, string? NewParty) Assign(CueMatch cue, IReadOnlyList<string> mentioned, PartyMatcher matcher, LanguageRules rules)
    {
        if (speaker is null)
        {
            return (mentioned.Take(1).ToList(), mentioned.Skip(1).Take(1).ToList(), null);
        }

        var after = cue.Clause[cue.CueIndex..];
        string actor;
        string? newParty = null;
        if (cue.Rule.Family == CueFamily.Instruction)
        {
            // "The Ministry of Foreign Affairs has been tasked with…": a passive instruction names its addressee first.
            actor = matcher.Find(cue.Subject).LastOrDefault(k => k != speaker && SameSide(k, speaker)) ?? Addressee(after, cue.Subject, matcher, rules);
        }
        else
        {
            (actor, newParty) = Actor(cue.Subject, matcher, rules);

            // "You can visit any enterprise", "you can count on Belarus", "Вы можете рассчитывать": said by the speaker
            // to the guest, "you can" is the speaker's offer or invitation, so the speaker's side leads (ADR 0045).
            if (offersToTheAddressee && !IsInternal && otherSides.Count > 0 && actor == otherSides[0]
                && rules.AddresseeSubject.IsMatch(cue.Subject) && Permission().IsMatch(after))
            {
                actor = speaker!;
            }

            // "Murmansk can count on Belarus", «в ДНР могут рассчитывать на Белоруссию»: whoever is counted on undertakes,
            // for the side that counts on it.
            if (!SameSide(actor, speaker!) && CountedOn().Match(after) is { Success: true } on && CountedParty(on.Groups["who"].Value, matcher) is { } counted)
            {
                actor = counted;
            }
        }

        if (IsInternal)
        {
            // An internal meeting has no other side, unless the passage names a foreign party the undertaking is
            // about ("the government delegation will visit Kazakhstan").
            var foreign = mentioned.FirstOrDefault(k => !SameSide(k, speaker));
            return ([actor == speaker ? otherSides[0] : actor], foreign is null ? [] : [foreign], newParty);
        }

        if (SameSide(actor, speaker))
        {
            // "Putin and I will hold negotiations", "the Supreme State Council": between the states (ADR 0123).
            if (otherSides.Count > 0 && rules.StateLevel.IsMatch(cue.Clause))
            {
                return ([actor], [Root(otherSides[0])], newParty);
            }

            var others = mentioned.Where(k => k != actor && !SameSide(k, speaker) && IsOtherSide(k)).ToList();
            return ([actor], others.Count > 0 ? [MostSpecific(others, matcher)] : otherSides.Take(1).ToList(), newParty);
        }

        return ([actor], [speaker], newParty);
    }

    private string Addressee(string after, string subject, PartyMatcher matcher, LanguageRules rules)
    {
        var named = matcher.Find(after).FirstOrDefault(k => k != speaker && SameSide(k, speaker!));
        if (named is not null)
        {
            return named;
        }

        // «Правительству поручено …»: a passive instruction may name the government before its verb.
        if ((rules.GovernmentWords.IsMatch(after) || rules.GovernmentWords.IsMatch(subject)) && Government() is { } government)
        {
            return government;
        }

        return IsInternal ? otherSides[0] : speaker!;
    }

    private (string Actor, string? NewParty) Actor(string subject, PartyMatcher matcher, LanguageRules rules)
    {
        var named = matcher.Mentions(subject).Select(m => m.Key).ToList();
        if (rules.JointSubject.IsMatch(subject) || (named.Any(k => SameSide(k, speaker!)) && named.Any(k => !SameSide(k, speaker!))))
        {
            return (speaker!, null);
        }

        if (named.Count > 0)
        {
            // The name closest to the verb is the subject ("the governor of Kaluga Oblast, Vladislav Shapsha" aside).
            var ending = matcher.EndingWith(subject);
            return (ending ?? named[^1], null);
        }

        // "Shehbaz Sharif renewed his invitation": a person the record introduced with a party acts for it.
        if (people?.PartyOf(subject) is { } party)
        {
            return (party, null);
        }

        if (rules.SpeakerSubject.IsMatch(subject) || rules.HomeCountryWords.IsMatch(subject))
        {
            return (speaker!, null);
        }

        // "The region will purchase…", "область закупит", «региону нужно…»: the meeting's other side named by what it is.
        if ((rules.AddresseeSubject.IsMatch(subject) || OtherSideByKind().IsMatch(subject)) && otherSides.Count > 0 && !IsInternal)
        {
            return (otherSides[0], null);
        }

        if (rules.AddresseeSubject.IsMatch(subject) && otherSides.Count > 0)
        {
            return (otherSides[0], null);
        }

        return (speaker!, UnregisteredOrganisation().Match(subject) is { Success: true } m ? m.Groups["name"].Value.Trim() : null);
    }

    /// <summary>The speaker's side when "us" or one of its parties is who is counted on; otherwise null.</summary>
    private string? CountedParty(string who, PartyMatcher matcher)
    {
        if (Us().IsMatch(who))
        {
            return speaker;
        }

        return matcher.Find(who).FirstOrDefault(k => SameSide(k, speaker!));
    }

    /// <summary>
    /// "Russia's Tula Oblast", "Тульская область России": a region named with its state is the region. A meeting's
    /// own side comes first; otherwise a party whose part is also named gives way to that part.
    /// </summary>
    private string MostSpecific(List<string> named, PartyMatcher matcher) =>
        named.FirstOrDefault(otherSides.Contains)
        ?? named.FirstOrDefault(k => !named.Any(o => o != k && matcher.IsWithin(o, k)))
        ?? named[0];

    private bool IsOtherSide(string key) =>
        otherSides.Contains(key) || otherSides.Any(o => Root(o) == Root(key));

    private bool SameSide(string a, string b) => Root(a) == Root(b);

    private string? Government()
    {
        var root = SpeakerRoot;
        return byKey.Values.FirstOrDefault(p => p.IsGovernment && p.ParentKey == root)?.Key;
    }

    private string Root(string key)
    {
        var current = key;
        for (var hops = 0; hops < 10 && byKey.TryGetValue(current, out var party) && party.ParentKey is { } parent; hops++)
        {
            current = parent;
        }

        return current;
    }

    [GeneratedRegex(@"\b(?:count|counting|rely|relying|depend|depending)\s+on\s+(?<who>[^,.;:!?]{1,60})|рассчитыва\w*\s+на\s+(?<who>[^,.;:!?]{1,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountedOn();

    [GeneratedRegex(@"^\s*(?:us|me|our|нас|меня|наш\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Us();

    [GeneratedRegex(@"^\s*(?:can|may|are\s+(?:welcome|free)\s+to|can\s+rest\s+assured|можете|сможете)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Permission();

    [GeneratedRegex(@"(?:^|[^\w])(?:the\s+|this\s+|your\s+)?(?:Russian\s+)?(?:region|oblast|krai|territory|governor|регион[уа]?|област(?:ь|и|ью)|кра(?:й|ю|я)|губернатор[уа]?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherSideByKind();

    // An organisation the text has act that no registered name matches: a quoted or capitalised name with a word
    // that makes it a body ("Amkodor company", "«Гомсельмаш»", "Vitebsk Regional Executive Committee"). A question or
    // article capitalised at a headline's start is not part of the name («Что Пензенская область планирует…»).
    [GeneratedRegex(@"(?:[«“""](?<name>[^»”""]{2,60})[»”""]|(?<name>(?!(?:Что|Как|Почему|Зачем|Где|Когда|Кто|Чем|What|How|Why|Where|When|Who|The|This|That)\s)(?:[A-ZА-ЯЁ][\w’'-]+\s+){1,4}(?:Oblast|Region|Territory|Krai|Republic|Ministry|Committee|Plant|Works|Company|Corporation|Holding|область|край|республика|министерство|комитет|завод|компания|холдинг)))\s*$")]
    private static partial Regex UnregisteredOrganisation();
}
