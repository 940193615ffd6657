using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction;

/// <summary>Cue families; a candidate's kind and title depend on which family its cue belongs to.</summary>
internal enum CueFamily
{
    Instruction,
    Pledge,
    Decision,
    Event,
    Hub,
    Target,
    Proposal,
    Statement,
}

/// <summary>Where the sentence must speak of joint action (cooperation, supplies, trade, help…) for the cue to count.</summary>
internal enum Engagement
{
    NotNeeded,
    Anywhere,
    AfterCue,
}

/// <summary>
/// One cue. <see cref="Modality"/> null means "read from the sentence's modal words". <see cref="NeedsSubject"/>:
/// the words right before group <c>modal</c> must be a speaker-side subject ("we", "I", "they", "the parties", a
/// known party). <see cref="NeedsModal"/>: the sentence must also contain a future or modal word.
/// </summary>
internal sealed record CueRule(
    string Id,
    CueFamily Family,
    Regex Pattern,
    Modality? Modality,
    double Strength,
    bool NeedsSubject = false,
    Engagement Engagement = Engagement.NotNeeded,
    bool NeedsModal = false,
    bool TitleFromAction = true);

/// <summary>The genre vocabulary of commitments in meeting records, as source-generated regexes.</summary>
internal static partial class CueRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Adverb = @"(?:(?!(?:sup|ap|re|im|multi|com)ply\b|rely\b|only\b)[a-z]+ly\s+|also\s+|still\s+|always\s+|jointly\s+|together\s+|now\s+|then\s+|even\s+|already\s+)*";

    /// <summary>Rules in priority order: the first that fires names the cue.</summary>
    public static readonly IReadOnlyList<CueRule> All =
    [
        new("instruction.instructed", CueFamily.Instruction, Instructed(), Modality.Firm, 0.9),
        new("instruction.i-instruct", CueFamily.Instruction, IInstruct(), Modality.Firm, 0.9),
        new("pledge.guarantee", CueFamily.Pledge, Guarantee(), Modality.Firm, 0.85),
        new("pledge.fulfil-agreements", CueFamily.Pledge, FulfilAgreements(), Modality.Firm, 0.85),
        new("decision.agreed", CueFamily.Decision, Agreed(), Modality.Firm, 0.85),
        new("decision.will-decide", CueFamily.Decision, WillDecide(), Modality.Firm, 0.8),
        new("event.scheduled", CueFamily.Event, Scheduled(), Modality.Firm, 0.85, TitleFromAction: false),
        new("hub.will-be-located", CueFamily.Hub, HubLocated(), Modality.Firm, 0.75, TitleFromAction: false),
        new("hub.center", CueFamily.Hub, HubCenter(), null, 0.7, NeedsModal: true, TitleFromAction: false),
        new("proposal.propose", CueFamily.Proposal, Propose(), Modality.Tentative, 0.75),
        new("target.trade", CueFamily.Target, TradeTarget(), null, 0.75, NeedsModal: true),
        new("proposal.ready", CueFamily.Proposal, Ready(), Modality.Tentative, 0.7, NeedsSubject: true, Engagement: Engagement.Anywhere),
        new("proposal.want", CueFamily.Proposal, Want(), Modality.Tentative, 0.65, NeedsSubject: true, Engagement: Engagement.Anywhere),
        new("proposal.opportunity", CueFamily.Proposal, Opportunity(), Modality.Tentative, 0.65, Engagement: Engagement.Anywhere),
        new("proposal.can", CueFamily.Proposal, Can(), Modality.Tentative, 0.6, NeedsSubject: true, Engagement: Engagement.Anywhere),
        new("proposal.should", CueFamily.Proposal, Should(), Modality.Tentative, 0.55, NeedsSubject: true, Engagement: Engagement.Anywhere),
        new("proposal.passive-modal", CueFamily.Proposal, PassiveModal(), Modality.Tentative, 0.5, Engagement: Engagement.Anywhere, TitleFromAction: false),
        new("proposal.would-rather", CueFamily.Proposal, WouldRather(), Modality.Tentative, 0.5, NeedsSubject: true, Engagement: Engagement.Anywhere),
        new("proposal.lets", CueFamily.Proposal, LetUs(), Modality.Tentative, 0.5, Engagement: Engagement.Anywhere),
        new("statement.will", CueFamily.Statement, Will(), Modality.Firm, 0.55, NeedsSubject: true, Engagement: Engagement.AfterCue),
    ];

    // --- cues -------------------------------------------------------------------------------------------------

    [GeneratedRegex(@"\b(?:instructed|instructs|ordered|tasked|commissioned|gave\s+(?:an\s+)?instructions?)\b(?:\s+(?!to\b)[\w’'-]+){0,4}?\s+to\s+(?=[a-z])", Options)]
    private static partial Regex Instructed();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:hereby\s+)?(?:instruct|order|task|demand)\b(?:\s+(?!to\b|that\b)[\w’'-]+){0,4}?\s+(?:to|that)\s+", Options)]
    private static partial Regex IInstruct();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:can\s+)?(?:guarantee|promise|pledge|vow|assure\s+you)\b(?:\s+you)?(?:\s+that)?\s*", Options)]
    private static partial Regex Guarantee();

    [GeneratedRegex(
        @"(?:(?<=\b(?:agree\w*|promises?|obligations?|commitments?)\b[^.]*)|(?=[^.]*\b(?:agree\w*|promises?|obligations?|commitments?)\b))"
        + @"\b(?:will|shall|must|(?:have|has|is|are|was|were)\s+to)\s+" + Adverb + @"(?:be\s+)?" + Adverb
        + @"(?=(?:fulfil+(?:ed)?|implement(?:ed)?|honou?r(?:ed)?|carr(?:y|ied)\s+out|observ(?:e|ed)|compl(?:y|ied)\s+with|reach|keep|kept)\b)"
        + @"",
        Options)]
    private static partial Regex FulfilAgreements();

    [GeneratedRegex(@"\b(?:we|the\s+parties|the\s+sides|both\s+sides)\s+(?:have\s+)?(?:agreed|decided|resolved)\s+(?:to\s+|that\s+|on\s+(?!how\b))", Options)]
    private static partial Regex Agreed();

    [GeneratedRegex(@"\b(?:will|shall)\s+" + Adverb + @"(?=(?:make|take|adopt)\s+(?:the\s+|a\s+)?(?:\w+\s+)?decisions?\b)|\bwill\s+" + Adverb + @"(?=(?:start|begin|launch|commence)\s+\w+ing\b)", Options)]
    private static partial Regex WillDecide();

    [GeneratedRegex(
        @"\b(?:is|are|will\s+be)\s+(?:due|scheduled|planned|set|slated)\s+to\s+(?:take\s+place|be\s+held|open|start|begin|run)\b|\bwill\s+(?:be\s+held|take\s+place)\b|\bto\s+be\s+held\b",
        Options)]
    private static partial Regex Scheduled();

    [GeneratedRegex(
        @"\b(?:hubs?|cent(?:er|re)s?|offices?|branch(?:es)?|representations?|warehouses?|plants?|facilit(?:y|ies))\b[^.;]{0,60}?\bwill\s+be\s+" + Adverb
        + @"(?:located|set\s+up|established|opened|created|built|launched|placed)\b",
        Options)]
    private static partial Regex HubLocated();

    [GeneratedRegex(
        @"\b(?:hubs?|(?:trade|trading|logistics?|distribution|service|dealer|assembly|competence|business)\s+(?:hubs?|cent(?:er|re)s?)|cent(?:er|re)s?\s+of\s+(?:competences?|trade|excellence|expertise))\b",
        Options)]
    private static partial Regex HubCenter();

    [GeneratedRegex(
        @"\b(?:I|we)\s+(?:would\s+)?(?:propose|suggest|offer)\b(?:\s+(?:you\s+)?(?:to|that)\b)?\s*|\b(?:proposed|suggested|offered)\b(?:\s+(?!to\b)[\w’'-]+){0,6}?\s+to\s+(?=[a-z])",
        Options)]
    private static partial Regex Propose();

    [GeneratedRegex(
        @"\b(?=(?:increase|boost|raise|double|triple|grow|expand|balance|restore|bring|reach|diversify)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:mutual|bilateral|our|the)\s+)?(?:trade|turnover|exports?|imports?|supplies|deliveries)\b)",
        Options)]
    private static partial Regex TradeTarget();

    [GeneratedRegex(@"\b(?<modal>(?:am|is|are)\s+" + Adverb + @"(?:ready|willing|prepared)\s+to)\s+", Options)]
    private static partial Regex Ready();

    [GeneratedRegex(@"\b(?<modal>(?:want|wish|would\s+like|intend|plan|hope|aim)\s+to)\s+", Options)]
    private static partial Regex Want();

    [GeneratedRegex(
        @"\b(?:we|you|they|the\s+parties|both\s+sides)\s+(?:also\s+)?(?:have|has)\s+(?:an?|every|great|good|real|all\s+the)\s+(?:\w+\s+)?(?:opportunit(?:y|ies)|possibilit(?:y|ies)|chances?)\s+to\s+",
        Options)]
    private static partial Regex Opportunity();

    [GeneratedRegex(@"\b(?<modal>can|could|may|will\s+be\s+able\s+to)\s+(?!not\b|be\b)" + Adverb, Options)]
    private static partial Regex Can();

    [GeneratedRegex(@"\b(?<modal>should|need\s+to|must|ought\s+to|have\s+to)\s+(?!not\b|be\b)" + Adverb, Options)]
    private static partial Regex Should();

    [GeneratedRegex(@"\b(?:can|could|should|must|need\s+to)\s+(?:and\s+(?:can|could|should|must)\s+)?be\s+" + Adverb + @"[a-z]+(?:ed|en)\b(?:\s+up)?", Options)]
    private static partial Regex PassiveModal();

    [GeneratedRegex(@"\b(?<modal>would\s+(?:rather|gladly|be\s+(?:glad|happy|ready|willing)\s+to))\s+", Options)]
    private static partial Regex WouldRather();

    [GeneratedRegex(@"\blet(?:['’]s|\s+us)\s+", Options)]
    private static partial Regex LetUs();

    [GeneratedRegex(@"(?<modal>\bwill|\bshall|['’]ll)\s+(?!not\b|be\s+able\b)" + Adverb, Options)]
    private static partial Regex Will();

    public static bool HubCenterWords(string sentence) => HubCenter().IsMatch(sentence);

    public static bool TradeTargetWords(string sentence) => TradeTarget().IsMatch(sentence);

    // --- sentence tests ---------------------------------------------------------------------------------------

    /// <summary>Joint action with the other side: the difference between a commitment and rhetoric about the future.</summary>
    [GeneratedRegex(
        @"\b(?:cooperat\w*|collaborat\w*|together|jointly|joint|join\w*|with\s+you|help\w*|assist\w*|suppl(?:y|ies|ying)|deliver\w*|trade|export\w*|import\w*|buy\w*|purchas\w*|sell\w*|hubs?|agreements?|projects?|partner\w*|take\s+part|participat\w*|train\w*|teach\w*|specialists|engineers|experts|personnel|invest\w*|build\w*|construct\w*|markets?|produc\w*|equipment|ties|exchange\w*|mutual\w*)\b",
        Options)]
    public static partial Regex EngagementWords();

    [GeneratedRegex(
        @"\b(?:will|shall|should|can|could|must|need\s+to|have\s+to|want|wish|ready|plan\w*|intend\w*|aim\w*|propos\w*|suggest\w*|going\s+to|opportunit(?:y|ies)|let['’]s)\b|['’]ll\b",
        Options)]
    public static partial Regex FutureOrModal();

    [GeneratedRegex(
        @"\b(?:can|could|should|may|might|need\s+to|ought|propos\w*|suggest\w*|ready|willing|want|wish|would|opportunit(?:y|ies)|possibilit(?:y|ies)|able\s+to|hope|plan|intend)\b",
        Options)]
    public static partial Regex TentativeWords();

    /// <summary>An uncertain need or capacity the undertaking depends on ("if Kuban needs something", "if not").</summary>
    [GeneratedRegex(
        @"\bif\s+(?:[\w’'-]+\s+){0,3}?(?:needs?|needed|requires?|required|wants?|wish(?:es)?|lacks?|necessary|possible|asks?|asked|requests?|requested)\b|\bif\s+there\s+(?:is|are)\s+no\b|\bif\s+not\b|\bprovided\s+that\b|\bon\s+condition\s+that\b|\bin\s+case\b|\bunless\b|\bas\s+long\s+as\b",
        Options)]
    public static partial Regex Condition();

    /// <summary>Speaker-side subjects allowed right before a modal ("we can", "the parties should").</summary>
    [GeneratedRegex(
        @"(?:^|[^\w’'])(?:we|I|they|the\s+parties|both\s+sides|the\s+(?:two\s+)?sides|the\s+two\s+countries|our\s+(?:side|country|countries|companies|enterprises|specialists|builders))\s*$",
        Options)]
    public static partial Regex PronounSubject();

    [GeneratedRegex(@"(?:\s+(?:(?!(?:sup|ap|re|im|multi|com)ply\b|rely\b)[a-z]+ly|also|still|always|jointly|together|now|then|even|already|only|too|certainly))+\s*$", Options)]
    public static partial Regex TrailingAdverbs();

    [GeneratedRegex(
        @"\b(?:days\s+of|festivals?|concerts?|exhibitions?|tours?|cultur\w*|theat(?:re|er)s?|films?|choirs?|performances?|forums?|fairs?|games|week\s+of|year\s+of|anniversar\w*|celebrat\w*)\b",
        Options)]
    public static partial Regex EventWords();

    [GeneratedRegex(@"\b(?:reach|increase|exceed|bring|double|triple|hit|achieve|surpass|boost|raise)\w*\b", Options)]
    public static partial Regex TargetVerbs();

    [GeneratedRegex(@"^(?:They|These\s+(?:companies|enterprises|specialists|organisations|organizations))\s", RegexOptions.CultureInvariant)]
    public static partial Regex AnaphoricStart();

    [GeneratedRegex(@"\bBelarus(?:ian|ians)?\b", RegexOptions.CultureInvariant)]
    public static partial Regex BelarusWords();

    /// <summary>Clause delimiters for titles.</summary>
    [GeneratedRegex(@"[,;:(“”""\[]|\s[-–—]\s|\.(?:\s|$)", RegexOptions.CultureInvariant)]
    public static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:to|that)\s+", Options)]
    public static partial Regex TitleLead();
}
