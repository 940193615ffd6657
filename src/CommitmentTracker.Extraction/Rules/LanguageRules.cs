using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CommitmentTracker.Extraction.Rules;

/// <summary>
/// The genre vocabulary of one language: cue rules in priority order and the word classes that qualify them.
/// Each language writes its own; the engine that applies them is shared.
/// </summary>
internal abstract class LanguageRules
{
    public abstract string Code { get; }

    /// <summary>Rules in priority order: the first that fires names the cue.</summary>
    public abstract IReadOnlyList<CueRule> Cues { get; }

    /// <summary>Words before a full stop that do not end a sentence ("Mr.", "г.").</summary>
    public abstract FrozenSet<string> Abbreviations { get; }

    /// <summary>Any future or modal word: a sentence without one is about the past or the present.</summary>
    public abstract Regex FutureOrModal { get; }

    public abstract Regex TentativeWords { get; }

    /// <summary>Hedges that make any cue tentative ("we will do our best", "probably", "скорее всего").</summary>
    public abstract Regex Hedge { get; }

    /// <summary>
    /// A firm undertaking in the first person ("we will facilitate", «мы будем свято соблюдать»): after a tentative cue
    /// in the same sentence it is the strongest binding wording, so the proposal is firm (ADR 0094).
    /// </summary>
    public abstract Regex FirmUndertaking { get; }

    /// <summary>An uncertain need or capacity the undertaking depends on ("if you need", "если потребуется").</summary>
    public abstract Regex Condition { get; }

    /// <summary>
    /// A clause of any condition ("if you opt for our machines", «если помочь с уборкой»), not a turn of speech ("if I
    /// may", «если честно»), a wish ("I would appreciate it if") or a fact ("if we have signed something", «если мы
    /// договорились»); the group <c>only</c> marks "only if", «только если».
    /// </summary>
    public abstract Regex AnyCondition { get; }

    /// <summary>Joint action with the other side: the difference between a commitment and rhetoric about the future.</summary>
    public abstract Regex Engagement { get; }

    /// <summary>
    /// The action a readiness cue names, matched where the cue ends (<c>\G</c>): an infinitive, perhaps after an adverb.
    /// Null for a language that does not read it.
    /// </summary>
    public virtual Regex? ActionAfterCue => null;

    /// <summary>Subjects that name the speaker's side or the meeting's sides, at the end of the words before a modal.</summary>
    public abstract Regex ActorSubject { get; }

    /// <summary>The speaker's side as a subject ("we", "I", "our side"; "мы", "я").</summary>
    public abstract Regex SpeakerSubject { get; }

    /// <summary>The other side addressed ("you", "your region"; "вы", "ваш").</summary>
    public abstract Regex AddresseeSubject { get; }

    /// <summary>Both sides ("the parties", "both sides", "стороны").</summary>
    public abstract Regex JointSubject { get; }

    /// <summary>Subjects that make a modal sentence a comment on the world, not an undertaking ("it", "prices", "nobody").</summary>
    public abstract Regex ImpersonalSubject { get; }

    /// <summary>Adverbs that may stand between a subject and its modal ("we also can", "мы тоже можем").</summary>
    public abstract Regex TrailingAdverbs { get; }

    /// <summary>Sentences that look forward but commit to nothing (thanks, greetings, wishes, questions about the past).</summary>
    public abstract Regex NotACommitment { get; }

    /// <summary>
    /// A consequence foreseen: a thing (a visit, joint projects, "this", «это») that will help, allow or give an impetus
    /// (ADR 0121). Who would act is not said, so nobody undertakes anything.
    /// </summary>
    public abstract Regex Consequence { get; }

    /// <summary>Words that make someone undertake something in a sentence ("we will", "ready", «мы», «поручил»).</summary>
    public abstract Regex Undertaking { get; }

    /// <summary>
    /// Whether a sentence commits to nothing: <see cref="NotACommitment"/>, or only a consequence foreseen, with nobody
    /// undertaking anything and no trade or sum named (a visit that "would help overcome the lag in trade" aims at a
    /// target). Every reader of sentences asks this one question: the rules, the model's proposals and its features.
    /// </summary>
    public bool CommitsToNothing(string sentence) =>
        NotACommitment.IsMatch(sentence)
        || (Consequence.IsMatch(sentence) && !Undertaking.IsMatch(sentence) && !TradeWords.IsMatch(sentence) && !MoneyContext.IsMatch(sentence));

    public abstract Regex EventWords { get; }

    /// <summary>
    /// A gathering that is held ("the summit will take place", «заседание совета пройдёт», "its holding is set for
    /// June"): a scheduled event of that kind is an event, as the Days of Culture are (ADR 0129). Talks and visits are
    /// not: <see cref="TalksOrVisit"/>.
    /// </summary>
    public abstract Regex Gathering { get; }

    /// <summary>Negotiations, talks and visits: scheduled, but cooperation, not an event.</summary>
    public abstract Regex TalksOrVisit { get; }

    public abstract Regex HubWords { get; }

    public abstract Regex TradeWords { get; }

    /// <summary>
    /// The volume of trade itself ("trade", "turnover", «товарооборот»), as against exports or imports of goods: raising
    /// exports of named goods with no figure is supplying them, not a trade target (ADR 0129).
    /// </summary>
    public abstract Regex TradeVolume { get; }

    public abstract Regex TargetVerbs { get; }

    /// <summary>The level of relations or cooperation ("reach a new level of cooperation"): a target, but not of trade.</summary>
    public abstract Regex RelationsLevel { get; }

    public abstract Regex PledgeWords { get; }

    /// <summary>The government as an addressee ("the government", "правительству").</summary>
    public abstract Regex GovernmentWords { get; }

    /// <summary>A sentence that starts by pointing back to the subject of the one before ("They can…").</summary>
    public abstract Regex AnaphoricStart { get; }

    /// <summary>
    /// A sentence that details or finishes the one before: "In particular, …", «Например, …», or the undertaking
    /// taken up as "it"/"them" ("I think we will do it in the near future").
    /// </summary>
    public abstract Regex Elaboration { get; }

    /// <summary>Where a sentence joins two clauses that may each carry an undertaking ("; ", ", while", ", если").</summary>
    public abstract Regex ClauseBoundary { get; }

    /// <summary>Words that point back to the undertaking just stated ("in this respect", "this figure", "в этом направлении").</summary>
    public abstract Regex PointsBack { get; }

    /// <summary>Words before "today" that make it the day of a past or ongoing act ("we were discussing today").</summary>
    public abstract Regex PastBeforeToday { get; }

    /// <summary>A duty or a future act right after "today" ("today we must", "today we will sign", «сегодня примет участие»): what is due is done today, whatever follows.</summary>
    public abstract Regex ActAfterToday { get; }

    /// <summary>Words that open a further item ("Besides", "Кроме того"): what follows is not a restatement.</summary>
    public abstract Regex NewItem { get; }

    /// <summary>Words that say a thing again ("reaffirmed", «подтвердил», «ещё раз»): "also" before them adds no item.</summary>
    public abstract Regex SaysAgain { get; }

    /// <summary>A reason clause ("because", "потому что"): a time phrase in it dates the reason, not the undertaking.</summary>
    public abstract Regex Because { get; }

    /// <summary>Words a title does not start with ("to", "that", "in particular"; "чтобы", "в частности").</summary>
    public abstract Regex TitleLead { get; }

    /// <summary>
    /// The words between a cue and the action it names that say to whom or where (Russian: «предложил <b>президенту
    /// Монголии</b> обсудить…», «поручил <b>правительству</b> обеспечить…»): a title starts at the action. Null where a
    /// title needs no such skip (English puts the addressee after "to": "urged officials to …" reads the action already).
    /// </summary>
    public virtual Regex? TitleAddressee => null;

    /// <summary>
    /// The action after the cue says what the clause's subject undergoes or is ("The state of affairs in education will
    /// be analysed", "Cooperation … can be an example"): the title is the whole clause, since "Be analysed" or "Be an
    /// example" alone names nothing (ADRs 0098, 0102; Russian «поставки будут выполнены в срок», ADR 0107). Null where
    /// titles need no such reading.
    /// </summary>
    public virtual Regex? SubjectState => null;

    /// <summary>
    /// Cues whose own word a title keeps, because what follows them is not an action: an invitation is followed by whom
    /// and where to ("invited Ruto to Belarus" → "Invite Ruto to Belarus", ADR 0096); interest, readiness or an
    /// agreement followed by the thing it governs ("interested in the mining industry" → "Interest in the mining
    /// industry", «заинтересованы в дорожной технике» → «Заинтересованность в дорожной технике», ADR 0097). The first
    /// that fits is taken.
    /// </summary>
    public abstract IReadOnlyList<TitleHead> TitleHeads { get; }

    /// <summary>
    /// The base form of a gerund an action title may start with ("suggested finalizing and approving a roadmap" →
    /// "Finalize and approve a roadmap"), so it reads as the other titles do (ADR 0106); null for a language whose
    /// actions already start with an infinitive. A gerund not in the table stays as it is.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string>? ActionOfGerund => null;

    /// <summary>
    /// Where a title ends whatever follows: who said the words ("…,” the President said", "…», — сказал Лукашенко") or
    /// the meeting a news lead places them in ("… as he met with Governor …", "… на встрече с …").
    /// </summary>
    public abstract Regex TitleTail { get; }

    /// <summary>
    /// Matched where a quote would start (<c>\G</c>): the frame that says whose words follow ("According to him, ",
    /// «По словам Лукашенко, »), which a quote leaves out as it leaves out the attribution after the words (ADR 0100).
    /// </summary>
    public abstract Regex AttributionLead { get; }

    /// <summary>
    /// Matched where an attribution ends (<c>\G</c>): it goes on to report more ("…, he said, adding that…", «…, — отметил
    /// Лавров, добавив, что…»), so a quote is not cut before it (ADR 0092).
    /// </summary>
    public abstract Regex AttributionGoesOn { get; }

    /// <summary>Words for the speaker's own country when no party of that name is registered ("Belarusian").</summary>
    public abstract Regex HomeCountryWords { get; }

    /// <summary>
    /// The other side's state acting at the top: Russia's head of state or the Union State's bodies ("Putin", "Vladimir
    /// Vladimirovich", "the Supreme State Council", «Высший госсовет»). A passage naming them is between the states, so
    /// the counterpart is the state, not the region or body at the meeting (ADR 0123).
    /// </summary>
    public abstract Regex StateLevel { get; }

    /// <summary>Time expressions to try as due phrases, most specific first; group <c>phrase</c> is the phrase kept.</summary>
    public abstract Regex TimeExpression { get; }

    /// <summary>Money as written in this language.</summary>
    public abstract Regex Money { get; }

    /// <summary>A round figure without currency ("the billion", "миллиард").</summary>
    public abstract Regex BareFigure { get; }

    /// <summary>Trade talk: a bare figure in it is a sum of money.</summary>
    public abstract Regex MoneyContext { get; }

    /// <summary>A sum named by pointing back at the last one ("the same amount", "на том же уровне").</summary>
    public abstract Regex SameSum { get; }

    /// <summary>Words that carry no content for comparing two sentences ("the", "and"; "и", "в").</summary>
    public abstract FrozenSet<string> StopWords { get; }

    public static LanguageRules For(string code) => code switch
    {
        "ru" => RussianRules.Instance,
        _ => EnglishRules.Instance,
    };
}
