using System.Collections.Frozen;
using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction.Rules;

/// <summary>The genre vocabulary of English records, as source-generated regexes.</summary>
internal sealed partial class EnglishRules : LanguageRules
{
    public static readonly EnglishRules Instance = new();

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Adverb = @"(?:(?!(?:sup|ap|re|im|multi|com)ply\b|rely\b|only\b)[a-z]+ly\s+|also\s+|still\s+|always\s+|jointly\s+|together\s+|now\s+|then\s+|even\s+|already\s+|certainly\s+|definitely\s+|surely\s+|further\s+|again\s+)*";

    private const string Month =
        @"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";

    private const string Year = @"(?:19|20)\d{2}";

    private const string YearRef = @"(?:" + Year + @"|(?:the\s+|this\s+|next\s+|the\s+next\s+|the\s+coming\s+)?year)";

    // "4,5 billion": a comma and one or two digits before a scale is a decimal comma, as in translated Russian figures;
    // "1,500 million" keeps its thousands separator.
    private const string DecimalComma = @"\d+,\d{1,2}(?=\s?(?:thousand|million|billion|trillion|mln|mn|bln|bn|tn)\b)";

    // "next year", "of this year" after a month or a day: the year named by its place from the meeting.
    private const string NamedYear = @"\s+(?:of\s+)?(?:this|next|the\s+next|the\s+following|the\s+coming)\s+year";

    // Help promised within what the speaker can give: a pledge, and a hedge on it (ADR 0130).
    private const string AsMuchAsWeCan = @"(?:as\s+much\s+as|in\s+any\s+way|whatever)\s+(?:we|I)\s+can";

    private const string Count = @"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|an)";

    private EnglishRules()
    {
        Cues =
        [
            new("instruction.instructed", CueFamily.Instruction, Instructed(), Modality.Firm, 0.9),
            new("instruction.i-instruct", CueFamily.Instruction, IInstruct(), Modality.Firm, 0.9),
            new("instruction.task", CueFamily.Instruction, TaskSet(), Modality.Firm, 0.8),
            new("pledge.guarantee", CueFamily.Pledge, Guarantee(), Modality.Firm, 0.85),
            new("pledge.count-on-us", CueFamily.Pledge, CountOnUs(), Modality.Tentative, 0.75),
            new("pledge.fulfil-agreements", CueFamily.Pledge, FulfilAgreements(), Modality.Firm, 0.85),
            new("pledge.do-everything", CueFamily.Pledge, DoEverything(), Modality.Tentative, 0.75),
            new("decision.agreed", CueFamily.Decision, Agreed(), Modality.Firm, 0.85),
            new("decision.will-decide", CueFamily.Decision, WillDecide(), Modality.Firm, 0.8),
            new("event.scheduled", CueFamily.Event, Scheduled(), Modality.Firm, 0.85, TitleFromAction: false),
            new("event.planned", CueFamily.Event, Planned(), Modality.Firm, 0.75, TitleFromAction: false),
            new("hub.will-be-located", CueFamily.Hub, HubLocated(), Modality.Firm, 0.75, TitleFromAction: false),
            new("hub.center", CueFamily.Hub, HubCenter(), null, 0.7, NeedsModal: true, TitleFromAction: false),
            new("proposal.propose", CueFamily.Proposal, Propose(), Modality.Tentative, 0.75),
            new("proposal.reported", CueFamily.Proposal, ReportedProposal(), Modality.Tentative, 0.7),
            new("target.trade", CueFamily.Target, TradeTarget(), null, 0.75, NeedsModal: true),
            new("target.figure", CueFamily.Target, TargetFigure(), null, 0.7),
            new("target.implied", CueFamily.Target, ImpliedTarget(), null, 0.6, NeedsTradeContext: true),
            new("proposal.ready", CueFamily.Proposal, Ready(), Modality.Tentative, 0.7, SubjectNeed.Actor, Rules.Engagement.AnywhereOrAction),
            new("proposal.readiness", CueFamily.Proposal, Readiness(), Modality.Tentative, 0.65, Engagement: Rules.Engagement.Anywhere),
            new("proposal.area", CueFamily.Proposal, Area(), Modality.Tentative, 0.5, Engagement: Rules.Engagement.Anywhere),
            new("proposal.interest", CueFamily.Proposal, Interest(), Modality.Tentative, 0.6, Engagement: Rules.Engagement.Anywhere),
            new("proposal.want", CueFamily.Proposal, Want(), Modality.Tentative, 0.65, SubjectNeed.Actor, Rules.Engagement.Anywhere),
            new("proposal.hope", CueFamily.Proposal, Hope(), Modality.Tentative, 0.6, Engagement: Rules.Engagement.Anywhere),
            new("proposal.opportunity", CueFamily.Proposal, Opportunity(), Modality.Tentative, 0.65, Engagement: Rules.Engagement.Anywhere),
            new("proposal.can", CueFamily.Proposal, Can(), Modality.Tentative, 0.6, SubjectNeed.Actor, Rules.Engagement.Anywhere),
            new("proposal.should", CueFamily.Proposal, Should(), Modality.Tentative, 0.55, SubjectNeed.Actor, Rules.Engagement.Anywhere),
            new("proposal.necessary", CueFamily.Proposal, Necessary(), Modality.Tentative, 0.55, Engagement: Rules.Engagement.Anywhere),
            new("proposal.passive-modal", CueFamily.Proposal, PassiveModal(), Modality.Tentative, 0.5, Engagement: Rules.Engagement.Anywhere, TitleFromAction: false),
            new("proposal.wish", CueFamily.Proposal, Wish(), Modality.Tentative, 0.55),
            new("proposal.suggest-to-you", CueFamily.Proposal, SuggestToYou(), Modality.Tentative, 0.5, Engagement: Rules.Engagement.Anywhere),
            new("proposal.would-rather", CueFamily.Proposal, WouldRather(), Modality.Tentative, 0.5, SubjectNeed.Actor, Rules.Engagement.Anywhere),
            new("proposal.lets", CueFamily.Proposal, LetUs(), Modality.Tentative, 0.5, Engagement: Rules.Engagement.Anywhere),
            new("statement.headline", CueFamily.Statement, HeadlineInfinitive(), Modality.Firm, 0.6, Engagement: Rules.Engagement.Anywhere, HeadlineOnly: true),
            new("statement.going-to", CueFamily.Statement, GoingTo(), Modality.Firm, 0.55, SubjectNeed.Actor, Rules.Engagement.Anywhere),
            new("statement.is-to", CueFamily.Statement, IsTo(), Modality.Firm, 0.6, SubjectNeed.Actor, TitleFromAction: false),
            new("statement.will-passive", CueFamily.Statement, WillBeDone(), Modality.Firm, 0.55, Engagement: Rules.Engagement.Anywhere, TitleFromAction: false),
            new("statement.will", CueFamily.Statement, Will(), Modality.Firm, 0.55, SubjectNeed.Actor, Rules.Engagement.AfterCue),
            new("statement.reported-would", CueFamily.Statement, ReportedWould(), Modality.Firm, 0.5, SubjectNeed.Actor, Rules.Engagement.AfterCue),
            new("statement.forward-looking", CueFamily.Statement, ForwardLooking(), null, 0.4, SubjectNeed.Actor, Rules.Engagement.AfterCue),
        ];
    }

    public override string Code => "en";

    public override IReadOnlyList<CueRule> Cues { get; }

    public override FrozenSet<string> Abbreviations { get; } = new[]
    {
        "st", "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sr", "jr", "no", "nos", "vs", "approx", "dept",
        "gov", "sen", "rep", "inc", "ltd", "co", "corp", "e.g", "i.e", "cf", "art", "para", "fig", "mt", "ft", "jan",
        "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public override FrozenSet<string> StopWords { get; } = new[]
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are", "was",
        "were", "be", "been", "will", "would", "can", "could", "should", "that", "this", "these", "those", "it", "its", "we",
        "our", "i", "you", "your", "they", "their", "he", "his", "she", "her", "said", "president", "also", "not", "but",
        "has", "have", "had", "which", "who", "all", "more", "there", "about", "so", "such",
        // Cue words: two passages do not restate each other because both say "ready" or "can".
        "ready", "prepared", "willing", "could", "may", "want", "wants", "like", "wish", "propose", "proposed", "suggest", "suggested",
        "offer", "offered", "need", "needs", "must", "able", "interested", "plan", "plans", "intend", "hope", "hopes", "think", "sure",
        "important", "necessary", "task", "possible", "opportunity", "every", "always", "going", "head", "state", "leader", "belarusian",
        "aleksandr", "alexander", "lukashenko", "governor", "noted", "stressed", "emphasized", "added",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // --- cues -------------------------------------------------------------------------------------------------

    [GeneratedRegex(@"\b(?:instructed|instructs|ordered|tasked|(?<=\b(?:President|head\s+of\s+state|Lukashenko)\s+(?:also\s+)?)(?:requires|required|demands)|commissioned|charged|urged|demanded|(?<=\b(?:I|we)\s+(?:would\s+)?)ask|entrusted|directed|gave\s+(?:an\s+|clear\s+|specific\s+)?(?:instructions?|orders?|a\s+task)|(?:has|have|had|was|were)\s+(?:been\s+)?(?:instructed|tasked|ordered|charged|entrusted))\b(?:\s+(?!to\b)[\w’'-]+){0,6}?\s+(?:to|with)\s+(?=[a-z])", Options)]
    private static partial Regex Instructed();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:hereby\s+)?(?:instruct|order|task|demand|ask|urge|charge)\b(?:\s+(?!to\b|that\b)[\w’'-]+){0,4}?\s+(?:to|that)\s+", Options)]
    private static partial Regex IInstruct();

    // "Tasks have been set before the agencies", "the (strategic) task for the near future is …", "set the task to".
    [GeneratedRegex(@"\b(?:tasks?\s+(?:have|has|had)\s+been\s+set|set\s+(?:the|a|clear)\s+tasks?\b(?:\s+(?:for|before|to)\b)?|the\s+(?:main\s+|key\s+|strategic\s+|primary\s+)?task\s+(?:for\s+[\w\s]{1,30}?\s+)?is\s+(?:to\s+)?)", Options)]
    private static partial Regex TaskSet();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:can\s+)?(?:guarantee|promise|pledge|vow|assure\s+you)\b(?:\s+you)?(?:\s+that)?\s*|(?<!\b(?:you|I|we)\s+)\b(?:promised|pledged|vowed)\s+(?=to\s+[a-z])|\bwill\s+(?:support|help)\s+(?:you|them|it)\s+in\s+every\s+(?:possible\s+)?way\b", Options)]
    private static partial Regex Guarantee();

    [GeneratedRegex(@"\byou\s+can\s+(?:always\s+)?(?:count|rely|depend)\s+on\s+(?:us|me|belarus|our\s+(?:help|support|assistance|side|country))\b|\brest\s+assured\b", Options)]
    private static partial Regex CountOnUs();

    [GeneratedRegex(
        @"(?:(?<=\b(?:agree\w*|promise[sd]?|obligations?|commitments?|contracts?)\b[^.]*)|(?=[^.]*\b(?:agree\w*|promise[sd]?|obligations?|commitments?|contracts?)\b))"
        + @"\b(?:will|shall|must|(?:have|has|is|are|was|were)\s+to)\s+" + Adverb + @"(?:be\s+)?" + Adverb
        + @"(?=(?:fulfil+(?:ed)?|fulfill|implement(?:ed)?|honou?r(?:ed)?|carr(?:y|ied)\s+out|observ(?:e|ed)|compl(?:y|ied)\s+with|reach|keep|kept)\b)"
        // "We insist that all our agreements be honoured": the subjunctive after "insist" binds as "must" does.
        + @"|\b(?:we|I)\s+(?:also\s+)?insist\s+(?:that\s+)?(?=[^.]*\b(?:agreements?|obligations|commitments|arrangements)\b[^.]*\bbe\s+" + Adverb + @"(?:fulfil+ed|implemented|honou?red|carried\s+out|observed|kept|respected)\b)",
        Options)]
    private static partial Regex FulfilAgreements();

    [GeneratedRegex(@"\b(?:will|shall|going\s+to)\s+(?:do|make)\s+(?:(?:everything|all)(?:\s+(?:that\s+)?(?:we|I)\s+can|\s+(?:that\s+is\s+)?(?:possible|necessary|in\s+(?:our|my)\s+power))?|our\s+best|my\s+best|(?:whatever|all)\s+(?:we|I)\s+can)\b", Options)]
    private static partial Regex DoEverything();

    [GeneratedRegex(@"\bthey\s+(?:have\s+|had\s+|also\s+)*agreed\s+to\s+(?=[a-z])|\b(?:we|the\s+parties|the\s+sides|both\s+sides|the\s+two\s+(?:countries|regions|sides)|the\s+(?:two\s+)?(?:heads\s+of\s+(?:state|government)|presidents|leaders|governments|prime\s+ministers|ministers|governors)|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+(?:have\s+|had\s+|also\s+)?(?:agreed|decided|resolved|reached\s+(?:an?\s+)?agreements?)\s+(?:to\s+|that\s+|on\s+(?!how\b|this\b|that\b|it\b|[a-z]+ly\b|in\b|at\b|during\b|earlier\b|before\b|then\b))|\b(?:it\s+(?:was|has\s+been)\s+(?:agreed|decided)|an?\s+agreement\s+(?:was|has\s+been)\s+reached)\s+(?:to|that|on)\s+", Options)]
    private static partial Regex Agreed();

    [GeneratedRegex(@"\b(?:will|shall)\s+" + Adverb + @"(?=(?:make|take|adopt)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?decisions?\b)|\bwill\s+" + Adverb + @"(?=(?:start|begin|launch|commence)\s+\w+ing\b)|\bwill\s+" + Adverb + @"(?=consider\b)", Options)]
    private static partial Regex WillDecide();

    [GeneratedRegex(
        @"\b(?:is|are|will\s+be|was|were)\s+(?:due|scheduled|planned|set|slated|expected)\s+to\s+(?:take\s+place|be\s+held|open|start|begin|run|convene|attend|visit|arrive|meet|sign)\b|\bwill\s+(?:be\s+held|take\s+place)\b|\bwill\s+(?:also\s+)?take\s+part\s+in\b|\bto\s+be\s+held\b|\b(?:is|are)\s+to\s+(?:convene|take\s+place|be\s+held|be\s+signed|visit|meet)\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:planned|scheduled|slated|set)\s+for\b|\bwill\s+(?:come|arrive|travel|fly)\s+(?:to|in)\s+(?-i:\p{Lu})|\bwill\s+hold\b(?=\s+(?:[\w-]+\s+){0,4}?(?:sessions?|summits?|forums?|meetings?|conferences?|congress|talks|negotiations|days|festivals?|exhibitions?|fairs?|games|events?|consultations)\b)|\bwill\s+open\b(?!\s+(?:up\b|(?:the\s+)?(?:doors?|eyes|markets?|opportunit\w+|prospects?|possibilit\w+|way)\b))",
        Options)]
    private static partial Regex Scheduled();

    // "X is expected to take part / to be signed": a news report's word for what is scheduled, not a hope.
    [GeneratedRegex(@"\b(?:(?:it\s+is|it's)\s+planned\s+to|there\s+(?:are|is)\s+(?:a\s+)?plans?\s+to|(?:has|have|had)\s+(?:[\w-]+\s+)?plans\s+to|plans?\s+to\s+(?:visit|hold|open|launch|build|sign|increase|set\s+up|create)|(?:is|are)\s+expected\s+to\s+(?:take\s+part|attend|visit|be\s+(?:finalized|finalised|signed|held|launched|opened|completed))|(?:the\s+)?(?:program|programme|agenda)\s+(?:of\s+the\s+visit\s+)?includes?)\b", Options)]
    private static partial Regex Planned();

    [GeneratedRegex(
        @"\b(?:hubs?|(?<!\b(?:service|servicing|maintenance|repair|dealer|dealership|training)\s+)cent(?:er|re)s?|offices?|branch(?:es)?|representations?|warehouses?|plants?|facilit(?:y|ies)|workshops?|ventures?)\b[^.;]{0,60}?\bwill\s+be\s+" + Adverb
        + @"(?:located|set\s+up|established|opened|created|built|launched|placed)\b",
        Options)]
    private static partial Regex HubLocated();

    [GeneratedRegex(
        @"\b(?:hubs?|(?:trade|trading|logistics?|distribution|assembly|competence|business)\s+(?:hubs?|cent(?:er|re)s?|houses?)|cent(?:er|re)s?\s+of\s+(?:competences?|trade|excellence|expertise))\b",
        Options)]
    private static partial Regex HubCenter();

    // "I invite you to the forum", "we would like to invite…": an invitation is a proposal, as «приглашаю» is in Russian.
    // "We are considering…", "we do not rule out…": an option held open, as «рассматриваем возможность», «не исключаем».
    // "You are welcome to…", "we expect you in Minsk": an invitation too, as «ждём вас».
    [GeneratedRegex(@"\b(?:I|we)\s+(?:would\s+|am\s+|are\s+)?(?:also\s+)?(?:(?:propose|suggest|offer|proposing|suggesting|offering)\b(?:\s+(?:you\s+)?(?:to|that)\b)?|(?:(?:like|want)\s+to\s+)?(?:also\s+)?invite\b)\s*|\b(?:I|we)\s+(?:am\s+|are\s+)?(?:also\s+)?(?:considering|(?:could|can|will|may)\s+consider|do\s+not\s+rule\s+out|don['’]t\s+rule\s+out)\s+|\byou\s+are\s+(?:always\s+|most\s+)?welcome\s+(?=to|in|at)\b|\bwe\s+(?:are\s+)?(?:expect|expecting|waiting\s+for)\s+(?=you\s+(?:in|at|to)\b)", Options)]
    private static partial Regex Propose();

    // Reported speech: "Lukashenko suggested increasing…", "Belarus offers Karelia supplies…", "renewed his invitation".
    [GeneratedRegex(@"\b(?:proposed|suggested|offered|offers|proposes|suggests|invited|invites|called\s+(?:for|on|upon)|renewed\s+(?:his|her|the)\s+invitation|extended\s+(?:an?\s+)?invitation|put\s+forward\s+(?:a\s+|the\s+)?(?:proposal|initiative|idea))\b(?!\s+(?:his|her|their|our)?\s*(?:condolences|congratulations|thanks|gratitude))\s*", Options)]
    private static partial Regex ReportedProposal();

    [GeneratedRegex(
        @"\b(?=(?:increase|boost|raise|double|triple|grow|expand|balance|restore|bring|reach|diversify|achieve|exceed|surpass|overcome|build\s+up)\b(?:\s+[\w-]+){0,4}?\s+(?:(?:mutual|bilateral|our|the|this|that)\s+)?(?:trade|turnover|exports?|imports?|figure|target|indicators?|level|volumes?)\b"
        // A round sum to strive for, without the word "trade": "reach a billion dollars", "reach $1 billion".
        + @"|(?:reach|double|triple|exceed|surpass|achieve|get\s+to)\b(?:\s+[\w-]+){0,2}?\s+(?:\$\s?\d|(?:\d[\d.,]*|a|one|half\s+a|one\s+and\s+a\s+half)\s+(?:billion|million)\s+(?:US\s+)?(?:dollars|euros|roubles|rubles|yuan)\b))",
        Options)]
    private static partial Regex TradeTarget();

    // "the task is to increase it up to 2m", "trade … can reach $1bn", "strive for the cherished billion", "the record … will be surpassed".
    [GeneratedRegex(@"\b(?:strive\s+for|aim\s+(?:for|at)|target\s+(?:of|is)|(?:trade|turnover)\b[^.;]{0,60}?\b(?:can|could|will|should|must|may)\s+(?:[\w-]+\s+){0,2}?(?=(?:reach|double|triple|grow|exceed|increase|be\s+(?:surpassed|exceeded|reached|met|doubled))\b)|(?:record|target|figure|level)\b[^.;]{0,40}?\bwill\s+be\s+(?:surpassed|exceeded|reached|met|achieved|beaten))\b", Options)]
    private static partial Regex TargetFigure();

    // Growth with no object after trade talk: "Today it is $5.5 billion. This is not our level. We can grow, and we are
    // striving for this." The sentences before say what grows.
    [GeneratedRegex(@"\b(?:we|I|you|the\s+parties|both\s+sides|our\s+(?:countries|regions))\s+(?:also\s+)?(?:(?:can|could|will|should|must|need\s+to|have\s+to)\s+(?:[\w-]+\s+){0,2}?(?:grow|increase|double|triple|reach|achieve|exceed|surpass|strive|get\s+to|return\s+to|restore)|(?:are|am)\s+(?:striving|aiming)\s+(?:for|at|to))\b", Options)]
    private static partial Regex ImpliedTarget();

    [GeneratedRegex(@"\b(?<modal>(?:am|is|are|was|were|remains?|stands?)\s+" + Adverb + @"(?:ready|willing|prepared|open)\s+(?:not\s+only\s+)?(?:to|for))\s+", Options)]
    private static partial Regex Ready();

    [GeneratedRegex(@"\b(?:readiness|willingness|preparedness)\s+(?:[\w-]+\s+)?(?:to|for)\b", Options)]
    private static partial Regex Readiness();

    // "One of the cooperation areas is to renew the fleet", "one such area is the mining industry".
    [GeneratedRegex(@"\bone\s+(?:of\s+the\s+|such\s+)(?:[\w-]+\s+){0,2}?(?:areas?|directions?|fields?|spheres?|priorities)\b[^.;]{0,40}?\bis\b", Options)]
    private static partial Regex Area();

    // A headline's infinitive is its future: "Grodno Oblast to develop cooperation with Kurgan Oblast".
    [GeneratedRegex(@"^[^.:]{3,80}?\bto\s+(?=(?:develop|expand|build|boost|increase|supply|open|launch|set\s+up|create|hold|sign|cooperate|deepen|strengthen|intensify|step\s+up|double|reach|establish|export|produce|start)\b)", Options)]
    private static partial Regex HeadlineInfinitive();

    [GeneratedRegex(@"\b(?<modal>(?:am|is|are)\s+(?:not\s+)?going\s+to)\s+(?!be\s+(?:difficult|easy|hard)\b)", Options)]
    private static partial Regex GoingTo();

    [GeneratedRegex(@"\b(?:(?:is|are|am|was|were)\s+(?:[\w-]+\s+)?interested\s+in|(?:there\s+is|has|have|expressed|showed)\s+(?:a\s+|an\s+)?(?:great\s+|keen\s+|strong\s+|particular\s+)?interest\s+in|(?:there\s+is|has|have)\s+(?:an?\s+)?intention\s+to|(?:is|are|am)\s+determined\s+to|intends?\s+to)\b", Options)]
    private static partial Regex Interest();

    // "I would like to thank you", "I want to say that …": a wish to say something is the speech itself, not an undertaking.
    private const string SpeechAct = @"(?:\w+ly\s+)?(?:thank|congratulate|welcome|greet|say|note|stress|emphasi[sz]e|underline|point\s+out|remind|recall|mention|tell|ask|express\s+(?:my|our)\s+(?:gratitude|thanks|appreciation|condolences))\b";

    [GeneratedRegex(@"\b(?<modal>(?:want|wants|wish|wishes|would\s+like(?:\s+(?:us|you|them))?|intend|plan|aim|seek|seeks)\s+to)\s+(?!" + SpeechAct + ")", Options)]
    private static partial Regex Want();

    // "ready to discuss them": a verb right after the cue's "to" (perhaps after an adverb), not a noun after "for".
    [GeneratedRegex(@"(?<=\bto\s+)\G(?:[a-z]+ly\s+)*[a-z]+\b", Options)]
    private static partial Regex ToInfinitive();

    [GeneratedRegex(@"\b(?:summits?|sessions?|congress(?:es)?|conferences?|(?:meeting|session)s?\s+of\s+the\s+(?:[\w-]+\s+){0,5}?(?:Council|Ministers|Assembly|Commission|Committee)|take\s+place|takes\s+place|be\s+held|(?:is|are)\s+held|convene)\b", Options)]
    private static partial Regex GatheringPattern();

    [GeneratedRegex(@"\b(?:negotiations?|talks|visit\w*)\b", Options)]
    private static partial Regex TalksOrVisitPattern();

    [GeneratedRegex(@"\b(?:hopes?|hoped|expects?|expected)\s+(?:to\b|that\s+(?:we|our|belarus|the\s+parties|both\s+sides|cooperation|trade|it)\b)|\b(?:counts?|counting)\s+on\b|\blook(?:s|ing)?\s+forward\s+to\b|\bexpressed\s+(?:his\s+|her\s+|the\s+)?(?:hope|confidence|readiness|conviction)\b|\b(?:I\s+am|we\s+are)\s+(?:sure|confident|convinced)\b|\bmakes?\s+it\s+possible\s+to\b", Options)]
    private static partial Regex Hope();

    [GeneratedRegex(
        @"\b(?:we|you|they|the\s+parties|both\s+sides|there)\s+(?:also\s+)?(?:have|has|is|are)\s+(?:an?|every|great|good|real|all\s+the|many|huge|big)\s+(?:[\w-]+\s+)?(?:opportunit(?:y|ies)|possibilit(?:y|ies)|chances?)\s+(?:to|for)\s+",
        Options)]
    private static partial Regex Opportunity();

    [GeneratedRegex(@"\b(?<modal>can|could|may|will\s+be\s+able\s+to)\s+(?!(?:[a-z]+ly\s+|already\s+|also\s+|still\s+)*(?:see|feel|hear|notice)\b)(?!not\b|be\b|see\b|hear\b|say\b|imagine\b|understand\b|feel\b|tell\b|notice\b|find\b|expect\b|guess\b|only\s+imagine\b)" + Adverb, Options)]
    private static partial Regex Can();

    // "Everything that Venezuela has to offer" is what there is, not what someone must do.
    [GeneratedRegex(@"\b(?<modal>should|need\s+to|needs\s+to|must|ought\s+to|have\s+to|has\s+to|(?:are|is)\s+supposed\s+to)\s+(?!not\b|be\b(?!\s+more\b)|know\b|understand\b|remember\b|say\b|offer\b(?<=\b(?:that|what|which)\s+(?:[\w’'-]+\s+){1,3}ha(?:s|ve)\s+to\s+offer))" + Adverb, Options)]
    private static partial Regex Should();

    [GeneratedRegex(@"\b(?:it\s+is|it['’]s|it\s+will\s+be)\s+(?:very\s+|extremely\s+|vitally\s+|particularly\s+|especially\s+)?(?:necessary|important|essential|vital|crucial|high\s+time|time)\s+(?:for\s+(?:us|you|both\s+sides|the\s+parties)\s+)?to\b|\b(?:it\s+)?makes?\s+(?:(?:good|a\s+lot\s+of|every)\s+)?sense\s+(?:for\s+(?:us|you|both\s+sides|the\s+parties)\s+)?to\b|\bthe\s+time\s+has\s+come\s+(?:for\s+(?:us|you|both\s+sides|the\s+parties)\s+)?to\b|\b(?:our|the)\s+(?:main\s+|key\s+|common\s+)?(?:task|goal|aim|objective)\s+is\s+(?:to\b|obvious)", Options)]
    private static partial Regex Necessary();

    [GeneratedRegex(@"\b(?:can|could|should|must|need\s+to)\s+(?:and\s+(?:can|could|should|must)\s+)?be\s+" + Adverb + @"(?!(?:based|founded|grounded|guided|built)\s+(?:on|upon)\b)(?:[a-z]+(?:ed|en)|made|done|set|put|held|paid|built|sent|brought|kept|bought|sold|shown|met|led|spent|found)\b(?:\s+up)?", Options)]
    private static partial Regex PassiveModal();

    // "I would like us to pay attention to this", "I want the government to…": a wish that someone act is a request
    // whatever its subject matter, so it needs no words of joint action.
    [GeneratedRegex(@"\bI\s+(?:would\s+(?:really\s+)?like|want|wish)\s+(?:us|you|all\s+of\s+you|everyone|the\s+(?:[\w-]+\s+){0,2}(?:government|ministry|ministries|ministers?|governors?|officials|agencies|bodies))\s+to\s+(?!be\b|feel\b|know\b|understand\b|see\b|hear\b|remember\b)", Options)]
    private static partial Regex Wish();

    // A suggestion put to the listener: "Consider cooperation in…" opening a sentence, "Why don't you open…?" (ADR 0130).
    [GeneratedRegex(@"(?<=^[\s«""“„(—–-]*)(?:please\s+)?consider\s+(?!(?:that|it|this|how|whether|what|the\s+fact)\b)(?=[a-z])|^[\s«""“„(—–-]*why\s+(?:don['’]t|do\s+not)\s+(?:you|we)\s+(?:(?:also|just)\s+)?", Options)]
    private static partial Regex SuggestToYou();

    [GeneratedRegex(@"\b(?<modal>would\s+(?:rather|gladly|be\s+(?:glad|happy|ready|willing)\s+to))\s+", Options)]
    private static partial Regex WouldRather();

    [GeneratedRegex(@"\blet(?:['’]s|\s+us)\s+", Options)]
    private static partial Regex LetUs();

    // "The joint commission is to convene", "The Defense Ministry … are to ensure".
    [GeneratedRegex(@"\b(?<modal>(?:is|are)\s+to)\s+(?!be\s+(?:found|seen|expected)\b)(?=[a-z]+\b)", Options)]
    private static partial Regex IsTo();

    // "All technical issues will be removed", "this target will be met", "X will be supplied".
    [GeneratedRegex(@"\b(?<modal>will|shall)\s+" + Adverb + @"be\s+" + Adverb + @"(?!able\b|glad\b|happy\b|good\b|better\b|difficult\b|easy\b|possible\b|necessary\b|needed\b|required\b|interested\b|surprised\b|pleased\b)[a-z]+(?:ed|en|lt|wn|ne|un)\b", Options)]
    private static partial Regex WillBeDone();

    [GeneratedRegex(@"(?<modal>\bwill|\bshall|['’]ll)\s+(?!not\b|be\s+able\b|be\s+(?:[a-z]+ly\s+)?(?:interested|surprised|pleased|glad|happy|delighted)\b|see\b|find\b|understand\b|feel\b|notice\b|learn\b|know\b|agree\s+that\b|like\b|love\b|enjoy\b|remember\b|regret\b|forget\b)" + Adverb, Options)]
    private static partial Regex Will();

    // The last resort: any modal or future verb after a speaker-side or named subject, with joint action after it.
    [GeneratedRegex(@"\b(?<modal>will|shall|would|could|can|should|must|might|may|need\s+to|have\s+to|intend\s+to|plan\s+to|are\s+to|is\s+to)\s+(?!not\b)(?!like\s+to\s+" + SpeechAct + @")(?!(?:know|understand|reali[sz]e|remember|see\s+(?:how|what|whether|if))\b)" + Adverb, Options)]
    private static partial Regex ForwardLooking();

    // Reported future: "he said Belarus would supply …".
    [GeneratedRegex(@"(?<=\b(?:said|noted|stressed|assured|added|stated|emphasi[sz]ed|believes?|promised)\b[^.;]{0,80}?)\b(?<modal>would)\s+(?!not\b|have\b|like\b|be\s+able\b)" + Adverb, Options)]
    private static partial Regex ReportedWould();

    // --- sentence tests ---------------------------------------------------------------------------------------

    [GeneratedRegex(
        @"\b(?:cooperat\w*|collaborat\w*|together|jointly|joint|join\w*|with\s+you|help\w*|assist\w*|suppl(?:y|ies|ying)|deliver\w*|trade|turnover|export\w*|import\w*|buy\w*|purchas\w*|sell\w*|hubs?|agreements?|projects?|partner\w*|take\s+part|participat\w*|train\w*|teach\w*|specialists|engineers|experts|personnel|invest\w*|build\w*|construct\w*|markets?|produc\w*|equipment|machinery|vehicles|ties|exchange\w*|mutual\w*|visit\w*|service\w*|maintenance|plans?|roadmap|road\s+map|programs?|programmes?|documents?|proposals?|meet\s+(?:again|with|in|at|on|next|soon|regularly|more)\b|flights?|contacts?|relations|interaction|work\w*|develop\w*|share|offer\w*|support\w*|negotiat\w*|sign\w*|decisions?|instructions?|tasks?|implement\w*|organi[sz]\w*|open\w*|launch\w*|creat\w*|establish\w*|set\s+up|each\s+other|one\s+another|industr\w*|sectors?|agricultur\w*|agro\w*|energy|technolog\w*|science|scientific|education\w*|tourism|health\w*|medic\w*|pharmac\w*|transport\w*|logistic\w*|mining|oil|gas|timber|forestry|engineering|machine\w*|steel|grain|food|capabilit\w*|competenc\w*)\b",
        Options)]
    private static partial Regex EngagementWords();

    [GeneratedRegex(
        @"\b(?:will|shall|should|can|could|must|need\s+to|needs\s+to|have\s+to|has\s+to|want|wish|ready|plan\w*|intend\w*|aim\w*|propos\w*|suggest\w*|going\s+to|opportunit(?:y|ies)|let['’]s|would|is\s+to|are\s+to|hope\w*|expect\w*|interest\w*|task\w*|offer\w*|invit\w*|necessary|important|time\s+to)\b|['’]ll\b",
        Options)]
    private static partial Regex FutureOrModalWords();

    [GeneratedRegex(
        @"\b(?:can|could|should|may|might|need\s+to|needs\s+to|ought|propos\w*|suggest\w*|offer\w*|invit\w*|ready|readiness|willing|want|wish|would|opportunit(?:y|ies)|possibilit(?:y|ies)|able\s+to|hope\w*|expect\w*|plan|intend\w*|interest\w*|I\s+think|we\s+think|probably|perhaps|sure|confiden\w*|everything\s+(?:we|I)\s+can|everything\s+possible|(?:my|our)\s+best|necessary|important|time\s+to)\b",
        Options)]
    private static partial Regex TentativeWordsPattern();

    [GeneratedRegex(@"\b(?:(?:our|my)\s+(?:very\s+)?best|everything\s+(?:we|I)\s+can|" + AsMuchAsWeCan + @"|everything\s+possible|try\s+to|(?:we|I)\s+will\s+try|if\s+possible|probably|perhaps|possibly|most\s+likely|I\s+think|we\s+think|I\s+believe|I\s+hope|expressed\s+(?:his\s+|her\s+)?(?:hope|confidence))\b", Options)]
    private static partial Regex HedgePattern();

    // "we will facilitate", "I shall always support": not "we will not", "we will be able to", "we will try".
    [GeneratedRegex(@"\b(?:we|I)\s+(?:will|shall)\s+(?:(?:also|always|certainly|definitely|surely|continue\s+to)\s+)*(?!not\b|be\s+able\b|try\b|see\b|have\s+to\b)[a-z]+\b", Options)]
    private static partial Regex FirmUndertakingPattern();

    // "will do everything we can for your region", "… not to lose the market": no verb of its own follows, so the
    // title keeps what is done ("Do everything possible for your region"); "… to support the region" is titled by its verb.
    [GeneratedRegex(@"\b(?:do|make)\s+(?:everything|all|whatever)\b", Options)]
    private static partial Regex DoEverythingCuePattern();

    [GeneratedRegex(@"^(?:for|not)\b", Options)]
    private static partial Regex ForOrNotPattern();

    // "invited", "renewed his invitation", and the speaker's own "I (would like to) invite" (ADR 0125).
    [GeneratedRegex(@"^(?:(?:I|we)\s+(?:would\s+)?(?:also\s+)?(?:(?:like|want)\s+to\s+)?(?:also\s+)?)?(?:invit\w*|\w+\s+(?:(?:his|her|the|an?)\s+)?invitation)$", Options)]
    private static partial Regex InvitationCuePattern();

    // "We are considering building…" → "Consider building…"; "we expect you in Minsk" → "Host you in Minsk".
    [GeneratedRegex(@"^(?:I|we)\s+(?:am\s+|are\s+)?(?:also\s+)?(?:considering|(?:could|can|will|may)\s+consider)$", Options)]
    private static partial Regex ConsideringPattern();

    // ADR 0130: "Consider cooperation in…" → "Consider cooperation in…"; "We insist that all agreements be honoured" keeps
    // "Insist that", which the passive after it needs.
    [GeneratedRegex(@"^(?:please\s+)?consider$", Options)]
    private static partial Regex ConsiderImperativePattern();

    [GeneratedRegex(@"^(?:I|we)\s+(?:also\s+)?insist(?:\s+that)?$", Options)]
    private static partial Regex InsistPattern();

    [GeneratedRegex(@"^we\s+(?:are\s+)?(?:expect|expecting|waiting\s+for)$", Options)]
    private static partial Regex ExpectingYouPattern();

    // "be analysed", "be decided by the President" (ADR 0098), and any other "be": "be an example of…", "be more
    // proactive", "be able to replace…" (ADR 0102). "Be …" alone names nothing.
    [GeneratedRegex(@"^be\s+", Options)]
    private static partial Regex SubjectStatePattern();

    // "are particularly interested in the mining industry", "expressed interest in gas turbine units": a thing follows.
    [GeneratedRegex(@"\binterest(?:ed)?\s+in$", Options)]
    private static partial Regex InterestInPattern();

    // "Belarus offers Karelia supplies of equipment", "We offer comprehensive solutions": what is offered follows.
    [GeneratedRegex(@"\boffer(?:s|ed)?$", Options)]
    private static partial Regex OfferPattern();

    // "ready for the full spectrum of cooperation", "expressed readiness for…": not "ready to", which an action follows.
    [GeneratedRegex(@"\b(?:ready|willing|prepared|readiness|willingness|preparedness)\s+(?:[\w-]+\s+)?for$", Options)]
    private static partial Regex ReadyForPattern();

    [GeneratedRegex(
        @"\bif\s+(?:[\w’'-]+\s+){0,4}?(?:needs?|needed|requires?|required|wants?|wish(?:es)?|lacks?|necessary|possible|possibility|asks?|asked|requests?|requested|interested|arises?)\b|\bif\s+(?:we|I)\s+(?:can|are\s+able\s+to|manage\s+to)\b|\bif\s+there\s+(?:is|are)\s+no\b|\bif\s+not\b|\bprovided\s+that\b|\bon\s+condition\s+that\b|\bin\s+case\b|\bunless\b|\bas\s+long\s+as\b|\bif\s+such\s+a\s+need\b|\bshould\s+(?:you|they|the\s+region)\s+need\b",
        Options)]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(
        @"(?<only>\bonly\s+(?:if|when|provided|on\s+condition)\b)|(?<!\b(?:as|even|appreciate|appreciate\s+it|grateful|glad|happy|pleased|thankful|ask|asked|see|check|know|wonder|decide)\s+)\bif\b(?!\s+(?:only|I\s+may|you\s+(?:like|will)\b|I\s*(?:'m|am)\s+not\s+mistaken|I\s+remember|any\b|at\s+all|so\b|not\b|ever\b)|(?:\s+[\w’'-]+){1,3}?\s+(?:(?:have|has|had)\s+(?:already\s+)?\w+(?:ed|en|ne|wn|de|ht)|agreed|signed|promised|decided|said|did|was|were)\b)",
        Options)]
    private static partial Regex AnyConditionPattern();

    [GeneratedRegex(
        @"(?:^|[^\w’'])(?:we|I|you|they|he|she|the\s+parties|both\s+sides|the\s+(?:two\s+)?sides|the\s+two\s+(?:countries|regions)|our\s+(?:side|country|government|region|(?:[\w-]+\s+)?[\w-]+s)|your\s+(?:side|region|(?:[\w-]+\s+)?[\w-]+s)|the\s+(?:[\w-]+\s+){0,2}(?:government|ministry|ministries|region|oblast|republic|country|company|companies|enterprises|plant|specialists|builders|governor|delegation|commission|agencies|troops|forces|authorities|services|bodies|committee|committees|council|side|leadership|head\s+of\s+state|president|prime\s+minister)|(?:belarusian|russian|(?-i:[A-Z])[\w-]+)\s+(?:side|companies|enterprises|specialists|builders|designers|manufacturers|producers|developers|government|ministry|plants?|businesses|partners)|(?:(?-i:[A-Z])[\w’'-]+\s+){0,3}(?-i:Oblast|Region|Territory|Krai|Republic|Ministry|Government|Plant|Works|Commission))\s*$",
        Options)]
    private static partial Regex ActorSubjectPattern();

    [GeneratedRegex(@"(?:^|[^\w’'])(?:we|I|our\s+(?:side|country|government))\s*$|^\s*(?:we|I)\b", Options)]
    private static partial Regex SpeakerSubjectPattern();

    [GeneratedRegex(@"(?:^|[^\w’'])(?:you|your\s+(?:side|region|republic|country|government|companies|enterprises|specialists))\s*$", Options)]
    private static partial Regex AddresseeSubjectPattern();

    [GeneratedRegex(@"\b(?:the\s+parties|both\s+sides|the\s+(?:two\s+)?sides|the\s+two\s+(?:countries|regions)|you\s+and\s+I|we\s+and\s+you)\b", Options)]
    private static partial Regex JointSubjectPattern();

    [GeneratedRegex(@"(?:^|[^\w’'])(?:it|this|that|there|one|nobody|no\s+one|everyone|everybody|anyone|prices?|the\s+world|the\s+situation|sanctions|the\s+west|the\s+enemy|they\s+say|people|history|time|the\s+future|nothing|everything)\s*$|\b(?:when|what|which|how|where|whether|why|so\s+that|in\s+order\s+that)\b[^,;]*$", Options)]
    private static partial Regex ImpersonalSubjectPattern();

    [GeneratedRegex(@"(?:\s+(?:(?!(?:sup|ap|re|im|multi|com)ply\b|rely\b)[a-z]+ly|also|still|always|jointly|together|now|then|even|already|only|too|certainly|definitely|surely|further|again))+\s*$", Options)]
    private static partial Regex TrailingAdverbsPattern();

    // The last alternative is a news item's background, which opens with where it comes from ("Earlier, …", "As
    // reported earlier, …", "It will be recalled that …"): not what was undertaken at this meeting (ADR 0111); or the
    // speaker's past advocacy ("I have always said that we need…"), which the curation rules leave out.
    // "Previously agreed projects will be…" names agreements and is not background.
    [GeneratedRegex(@"\b(?:(?:visit|meeting|talks|negotiations|trip|stay)\s+(?:will|would|to)\s+be\s+(?:very\s+|most\s+|really\s+|truly\s+)?(?:successful|fruitful|productive|useful|a\s+success)|(?:achieve|yield|get|deliver)\s+(?:(?:great|good|excellent|significant|impressive|tangible|real|the\s+best)\s+)+(?:results?|success)|congratulat\w*|condolences|(?<!\bare\s+(?:always\s+|most\s+)?)welcome\s+(?:you|to)|(?:happy|glad)\s+to\s+(?:see|welcome|meet)|wish\s+you\s+(?:success|health|all\s+the\s+best))\b|(?<!^[\s«""“„(—–-]*why\s+(?:don['’]t|do\s+not)\b[^?]*)\?\s*[”\u201d""»]?\s*$"
        + @"|^[\s«""“„(—–-]*(?:otherwise|or\s+else)\b"
        + @"|^[\s«""“„(—–-]*(?:(?:earlier|previously)\b(?!\s+(?:agreed|reached|signed|approved|adopted|concluded|planned|announced|launched|set|made|discussed)\b)|as\s+(?:was\s+|has\s+been\s+)?(?:earlier\s+|previously\s+)?reported|it\s+(?:will|should)\s+be\s+recalled|recall\s+that"
        + @"|(?:(?:and|but|so),?\s+)?(?:I|we)\s+(?:have\s+)?(?:always|repeatedly|often|long|constantly)\s+(?:said|told|stressed|emphasi[sz]ed|insisted|urged|repeated)\b)", Options)]
    private static partial Regex NotACommitmentPattern();

    /// <summary>What a foreseen consequence is said of: a thing done, not someone doing it ("your visit", "joint projects", "this").</summary>
    private const string ThingDone = @"(?:(?:the|this|these|those|such|your|our|their|its|a|an|joint|common|mutual|bilateral|current|upcoming|forthcoming|today['’]s|new|further)\s+)*"
        + @"(?:visits?|trips?|projects?|cooperation|efforts|agreements?|meetings?|talks|negotiations|work|decisions?|measures|steps|programm?e?s?|roadmaps?|plans?|forums?|events?|development|partnership|relations|contacts|ties|investments?|initiatives?|documents?|facilities|this|it)\b"
        + @"(?:[\s,]+(?!(?:we|i|you|they)\b)[\w'’-]+){0,7}?";

    // ADR 0121: "we hope that your visit will give a strong impetus…", "joint projects will help…", "…an event that will
    // enable us…". The subject is a thing, or the relative "that/which" after one.
    [GeneratedRegex(@"(?:(?:^|[,:;—]\s+|\b(?:that|which)\s+)[«""“]?" + ThingDone + @"[\s,]+|\b(?:that|which)\s+)"
        + @"(?:will|would|can|could|may|might|should|must|(?:is|are)\s+going\s+to)\s+(?:(?:also|surely|certainly|definitely|undoubtedly|really|further|only|significantly|greatly)\s+)?"
        + @"(?:help|allow|enable|contribute|promote|facilitate|make\s+it\s+possible|lead\s+to|give\s+(?:(?:a|an|the|new|strong|powerful|good|fresh|additional|serious|great)\s+)*(?:impetus|boost|impulse|momentum|push|stimulus|opportunit\w*)|open\s+(?:up\s+)?(?:new\s+)?(?:horizons|opportunities|prospects|doors)|bring\s+(?:[\w-]+\s+)?(?:benefits|results))\b", Options)]
    private static partial Regex ConsequencePattern();

    [GeneratedRegex(@"\b(?:we|i|you)\b(?:\s+\w+){0,2}?\s+(?:will|shall|can|could|should|must|need|have\s+to|are\s+ready|am\s+ready|propose|suggest|agreed|intend|plan|want|would\s+like|are\s+going|am\s+going|invite|ask|instruct)\b|\b(?:we|i|you)['’]ll\b|\b(?:ready|prepared|agreed|instructed|proposed?|offer(?:s|ed)?|invite[sd]?|intends?|plans?\s+to)\b", Options)]
    private static partial Regex UndertakingPattern();

    [GeneratedRegex(
        @"\b(?:days\s+of|festivals?|concerts?|exhibitions?|tours?|cultur\w*|theat(?:re|er)s?|films?|choirs?|forums?|fairs?|games|week\s+of|year\s+of|anniversar\w*|celebrat\w*|competitions?|championships?|tournaments?)\b",
        Options)]
    private static partial Regex EventWordsPattern();

    [GeneratedRegex(@"\b(?:reach|increase|exceed|bring|double|triple|hit|achieve|surpass|boost|raise|restore|balance|grow|overcome|strive)\w*\b|\bgrowth\b|\bsame\s+(?:amount|volume|level)\b|\b(?:maintain|keep|sustain|preserve)\w*\s+(?:[\w-]+\s+){0,4}?(?:level|volume|amount|pace)s?\b", Options)]
    private static partial Regex TargetVerbsPattern();

    [GeneratedRegex(@"\blevel\s+of\s+(?:[\w-]+\s+){0,2}?(?:relations|cooperation|co-operation|interaction|partnership|ties)\b", Options)]
    private static partial Regex RelationsLevelPattern();

    [GeneratedRegex(@"\b(?:trade|turnover|trading\s+volumes?|exports?|imports?|mutual\s+supplies)\b", Options)]
    private static partial Regex TradeWordsPattern();

    [GeneratedRegex(@"\b(?:trade|turnover|trading\s+volumes?|mutual\s+supplies)\b", Options)]
    private static partial Regex TradeVolumePattern();

    // "will always…", "will never…": a promise about how things stay, not a project ("Belarus will never fail you").
    // Implementing what was agreed is a pledge, as «выполнять договорённости» is in Russian; having done it is a fact.
    [GeneratedRegex(@"\b(?:everything\s+(?:we|I)\s+can|everything\s+possible|in\s+every\s+(?:possible\s+)?way|" + AsMuchAsWeCan + @"|(?:my|our)\s+best|whatever\s+you|always\s+be\s+like\s+that|will\s+(?:always|never)\b|(?:count|rely|depend)\s+on\s+(?:us|me|belarus)|(?<!\b(?:we|I)\s+)can\s+(?:always\s+)?(?:count|rely|depend)\s+on|implementation\s+of\s+(?:the\s+|all\s+)?(?:agreements|arrangements)|(?:implement(?:ing)?|fulfill?(?:ing)?|honou?r(?:ing)?|carry(?:ing)?\s+out|abid(?:e|ing)\s+by|comply(?:ing)?\s+with|adher(?:e|ing)\s+to|stick(?:ing)?\s+to)\s+(?:[\w-]+\s+){0,3}?(?:agreements|arrangements|commitments|obligations|agreed))\b", Options)]
    private static partial Regex PledgeWordsPattern();

    [GeneratedRegex(@"\b(?:(?:the|our|his)\s+government|(?:the\s+)?council\s+of\s+ministers|(?:the\s+)?cabinet|(?:the\s+)?prime\s+minister)\b", Options)]
    private static partial Regex GovernmentWordsPattern();

    [GeneratedRegex(@"^(?:They|These\s+(?:companies|enterprises|specialists|organisations|organizations))\s", RegexOptions.CultureInvariant)]
    private static partial Regex AnaphoricStartPattern();

    [GeneratedRegex(@"^\W*(?:In\s+particular|For\s+example|For\s+instance|Namely|Specifically)\b|\b(?:do|achieve|implement|reach|meet|solve|approve|sign|finali[sz]e|drop|fulfil+)\s+(?:it|them)\b", Options)]
    private static partial Regex ElaborationPattern();

    [GeneratedRegex(@"\b(?:this|these)\s+(?:figure|target|goal|regard|respect|area|issue|line|plan|direction|project|task|field|sphere|matter)s?\b|\bin\s+this\s+(?:regard|respect|area|direction|field)\b|^(?:Here|There)\b(?!\s+(?:is|are|was|were|will|would|may|might|can|could|should|must|has|have|seems?|appears?)\b)|^(?:That\s+is|In\s+other\s+words)\b", Options)]
    private static partial Regex PointsBackPattern();

    // "we were discussing today", "what we agreed today": a past or ongoing act, not a due day.
    [GeneratedRegex(@"\b(?:\w+ed|\w+ing|were|was|did|had|have|has)\s+(?:[\w-]+\s+)?$", Options)]
    private static partial Regex PastBeforeTodayPattern();

    [GeneratedRegex(@"^\s*,?\s*(?:(?:we|you|they|I|he|she)\s+)?(?:must|need\s+to|have\s+to|has\s+to|should|will|shall|(?:am|is|are)\s+(?:going\s+)?to)\b", Options)]
    private static partial Regex ActAfterTodayPattern();

    [GeneratedRegex(@"\b(?:because|since|as\s+(?:we|they|you)\s+(?:have|had|did)|given\s+that)\b", Options)]
    private static partial Regex BecausePattern();

    // "Besides, …", "Also …", and "also" after the subject: "He also demanded…", "The head of state also instructed…".
    [GeneratedRegex(@"^(?:Besides|In\s+addition|Also|Moreover|Furthermore|Another|Apart\s+from\s+that|Second|Third)\b|^(?:[\w’'.-]+\s+){1,4}?also\b", Options)]
    private static partial Regex NewItemPattern();

    [GeneratedRegex(@"\b(?:reaffirm\w*|reiterat\w*|re-?confirm\w*|confirm\w*|repeat\w*|restat\w*|once\s+again)\b", Options)]
    private static partial Regex SaysAgainPattern();

    [GeneratedRegex(@";\s+|,\s+(?=(?:while|whereas|but|and\s+(?:we|I|you|they|the\s+parties|Belarus))\b)|,\s+(?=if\b)", Options)]
    private static partial Regex ClauseBoundaryPattern();

    // "assure you that X" → "X": a speech act to the listener announces what it says, as «заверить в том, что» (ADR 0134).
    [GeneratedRegex(@"^(?:(?:in\s+particular|besides|moreover|furthermore|in\s+addition|also),?\s+|(?:assure|tell|remind|inform)\s+(?:you|them)\s+that\s+|(?:to|that|in|on|and|but|so)\s+)", Options)]
    private static partial Regex TitleLeadPattern();

    [GeneratedRegex(
        @"(?:[”""],?|,[”""]?)\s*(?:(?:the\s+)?(?:Belarusian\s+)?(?:President|head\s+of\s+state|leader|PM|Prime\s+Minister|Premier|governor|minister)|(?:Aleksandr|Alexander)\s+Lukashenk[oa]|Lukashenk[oa]|he|she)\s+(?:said|noted|stressed|added|emphasi[sz]ed|remarked|underlined|pointed\s+out|stated|assured|promised)\b"
        + @"|,\s*(?:[\w’'.-]+\s+){1,8}?(?:Lukashenk[oa]|President|leader|head\s+of\s+state|governor|minister)\s+(?:said|noted|stressed|added|emphasi[sz]ed|remarked|underlined|pointed\s+out|stated|assured|promised)\b"
        + @"|(?:[”""],?|,[”""]?)\s*(?:said|noted|stressed|added|emphasi[sz]ed|remarked|underlined|pointed\s+out|stated|assured|promised)\s+(?:the\s|Belarusian\s|Russian\s|(?:Aleksandr|Alexander)\s|Lukashenk[oa]\b|he\b|she\b)"
        + @"|(?:[”""],?|,[”""]?)\s*(?:[\w-]+\s+){0,2}quoted\s"
        + @"|\s+(?:as|when|while)\s+(?:he|she|they|the\s+(?:President|head\s+of\s+state|two\s+leaders|two\s+sides))\s+(?:met|meets|was\s+meeting|held|hosted|talked|spoke|received)\b"
        + @"|,?\s+(?:during|at)\s+(?:a|the|his|her|their)\s+(?:meeting|talks|negotiations)\s+with\b", Options)]
    private static partial Regex TitleTailPattern();

    [GeneratedRegex(@"\G[^.;]*?,\s*(?:adding|noting|stressing|emphasi[sz]ing|saying)\b", Options)]
    private static partial Regex AttributionGoesOnPattern();

    // "According to Aleksandr Lukashenko, ", "In his words, "
    [GeneratedRegex(@"\G(?:According\s+to|In\s+(?:his|her|their)\s+words)[^,.;:]{0,80},\s+", Options)]
    private static partial Regex AttributionLeadPattern();

    [GeneratedRegex(@"\bBelarus(?:ian|ians)?\b|\bthe\s+republic\b|\bMinsk\b", RegexOptions.CultureInvariant)]
    private static partial Regex HomeCountryPattern();

    [GeneratedRegex(@"\b(?:Putin|Vladimir\s+Vladimirovich|President\s+of\s+(?:Russia|the\s+Russian\s+Federation)|Russian\s+President|Supreme\s+State\s+Council|Union\s+State)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StateLevelPattern();

    [GeneratedRegex(
        @"\b(?:(?<lead>(?<deadline>by|until|till|before|no\s+later\s+than|not\s+later\s+than)|in|within|during|over|for|at)\s+)?(?<core>"
        + @"(?<open>(?:the\s+)?(?:near|nearest|foreseeable|not\s+too\s+distant)\s+future|the\s+coming\s+(?:few\s+|several\s+)?(?:days|weeks|months|years)|the\s+next\s+(?:few|several)\s+(?:days|weeks|months|years)|due\s+course|as\s+soon\s+as\s+possible)"
        + @"|(?<endof>(?:the\s+)?end\s+of\s+)(?:" + YearRef + @"|(?:the\s+|this\s+|next\s+)?(?:month|quarter|week)|" + Month + @"(?:\s+" + Year + @")?"
        + @"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + @")?|(?:the\s+)?(?:current\s+)?five-year\s+(?:period|plan)"
        + @"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:quarter|half)(?:\s+of\s+" + YearRef + @")?)"
        + @"|(?<endof>(?:the\s+)?year[-\s]end)"
        + @"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:quarter|half)\s+of\s+" + YearRef
        + @"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarter"
        + @"|(?-i:Q[1-4]|H[12])\s+" + Year
        + @"|(?:(?:next|this|the\s+coming)\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + @")?"
        + @"|(?:the\s+)?(?:autumn|spring|summer|winter|fall)\s+of\s+" + Year
        + @"|(?:early|mid|late|the\s+middle\s+of|the\s+beginning\s+of|the\s+start\s+of)(?:\s*-\s*|\s+)" + YearRef + @"|later\s+(?:this|in\s+the)\s+year"
        + @"|(?:early|mid|late|the\s+middle\s+of|the\s+beginning\s+of|the\s+start\s+of)(?:\s*-\s*|\s+)(?:the\s+)?(?:(?:this|next)\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + @")?"
        + @"|(?<=\b(?:in|during)\s+)the\s+new\s+year\b(?!['’]s?\s+(?:Eve|Day))"
        + @"|\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:,?\s+" + Year + "|" + NamedYear + @")?"
        + @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?\s+" + Year + "|" + NamedYear + @")?"
        + @"|(?:\d{1,2}\s+|(?:early|mid|late|the\s+middle\s+of|the\s+beginning\s+of|the\s+start\s+of)(?:\s*-\s*|\s+))?" + Month + @"(?:\s*[-–]\s*" + Month + @")?(?:\s+\d{1,2}(?!\d))?(?:,?\s+" + Year + "|" + NamedYear + @")?"
        + @"|(?<=\b(?:in|during|over|within|for|by|until|before)\s+)(?:the\s+)?(?:(?:current|next|new|coming|this)\s+)?five-year\s+(?:period|plan)"
        + @"|(?<=\b(?:by|before|until|till)\s+)(?:the\s+)?New\s+Year\b(?!['’]s?\s+(?:Eve|Day))"
        + @"|(?<span>half\s+a\s+year)"
        + @"|(?<span>(?:the\s+next\s+)?" + Count + @"(?:(?:\s*[-–]\s*|\s+(?:to|or)\s+)" + Count + @")?\s+(?:days?|weeks?|months?|years?)(?:['’]?\s+time)?)"
        + @"|this\s+year\s+and\s+(?:the\s+)?next(?:\s+(?:one|year))?|this\s+and\s+(?:the\s+)?next\s+years?"
        + @"|(?:next|this|the\s+coming)\s+(?:year|month|quarter|week)"
        + @"|" + Year + @"(?:\s*[-–]\s*|\s+(?:and|to|through)\s+)" + Year
        + @"|" + Year
        + @"|(?<today>today|(?:the\s+)?day\s+after\s+tomorrow|tomorrow)"
        + @"|soon|shortly"
        + @")\b",
        Options)]
    private static partial Regex TimeExpressionPattern();

    // "$100 million", "USD 2.3 bn", "€5m", "half a billion dollars", "1.5 billion rubles", "300 million Belarusian rubles", "2m dollars".
    [GeneratedRegex(
        @"(?<![\w$€£¥₽])(?<cur>US\$|\$|€|£|¥|₽|USD|EUR|RUB|BYN|CNY|GBP|(?-i:Br))\s?(?<num>" + DecimalComma + @"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        + @"(?:(?:\s*[-–]\s*|\s+to\s+)(?:US\$|\$|€)?(?<upto>" + DecimalComma + @"|\d+(?:\.\d+)?)(?=\s?(?:thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k|b)\b))?(?:\s?(?<scale>thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k|b)\b)?"
        + @"|\b(?<num>" + DecimalComma + @"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|half\s+an?|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|(?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+hundred|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)"
        + @"(?:\s*[-–]\s*(?<upto>" + DecimalComma + @"|\d+(?:\.\d+)?))?(?:\s*-\s*|\s+)?(?:(?<scale>thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k|b)\b\s*)?(?:of\s+)?(?<cur>(?:US\s+|U\.S\.\s+|American\s+)?dollars?|euros?|(?:Belarusian|Belarus)\s+r[o]?ubles?|(?:Russian\s+)?r[o]?ubles?|(?:Chinese\s+)?yuan(?:\s+renminbi)?|renminbi|RMB|pounds?\s+sterling|USD|EUR|RUB|BYN|CNY|GBP)\b",
        Options)]
    private static partial Regex MoneyPattern();

    // "the (cherished) billion", "half a billion", "1 billion" or "2m" without a currency: money only in trade talk or after a sum.
    [GeneratedRegex(@"\b(?:(?<num>half)\s+an?\s+(?<scale>billion|million)|(?:the|a|one)\s+(?:[a-z]+\s+)?(?<scale>billion|million|trillion)|(?<num>(?:one|two|three|four|five)\s+and\s+a\s+half)\s+(?<scale>billion|million)|(?<num>" + DecimalComma + @"|\d+(?:\.\d+)?)\s?(?<scale>billion|million|bn|mln|m|b))\b(?!\s+(?:of\s+)?(?:[a-z]+\s+)?(?:dollars?|euros?|r[o]?ubles?|yuan|USD|EUR|RUB|BYN|people|tonnes?|tons?|units?|hectares?|residents|inhabitants|cubic|square|litres?|liters?|heads?|pieces?|vehicles|years))", Options)]
    private static partial Regex BareFigurePattern();

    [GeneratedRegex(@"\b(?:trade|turnover|exports?|imports?|dollars?|USD|investments?|worth|contracts?)\b|\$", Options)]
    private static partial Regex MoneyContextPattern();

    [GeneratedRegex(@"\b(?:the\s+)?same\s+(?:amount|volume|level|figure|sum)\b", Options)]
    private static partial Regex SameSumPattern();

    public override Regex FutureOrModal => FutureOrModalWords();

    public override Regex TentativeWords => TentativeWordsPattern();

    public override Regex Hedge => HedgePattern();

    public override Regex FirmUndertaking => FirmUndertakingPattern();

    public override Regex SubjectState => SubjectStatePattern();

    public override IReadOnlyList<TitleHead> TitleHeads { get; } =
    [
        new(InvitationCuePattern(), "invite"),
        new(ConsideringPattern(), "consider"),
        new(ExpectingYouPattern(), "host"),
        new(InterestInPattern(), "interest in"),
        new(ReadyForPattern(), "readiness for"),
        new(OfferPattern(), "offer"),
        new(DoEverythingCuePattern(), "do everything possible", ForOrNotPattern()),
        new(ConsiderImperativePattern(), "consider"),
        new(InsistPattern(), "insist that"),
    ];

    // Gerunds an English action title starts with after "suggested", "proposed", "look forward to" (ADR 0106); the verbs
    // of the genre, so a gerund is only rewritten where its base form is known.
    public override IReadOnlyDictionary<string, string> ActionOfGerund { get; } = GerundTable(
        """
        taking take  making make  giving give  having have  raising raise  revising revise  paying pay
        identifying identify  finalizing finalize  finalising finalise  approving approve  increasing increase
        continuing continue  developing develop  creating create  holding hold  opening open  building build
        signing sign  establishing establish  expanding expand  considering consider  implementing implement
        strengthening strengthen  launching launch  supplying supply  organizing organize  organising organise
        setting set  starting start  exploring explore  studying study  looking look  working work  using use
        producing produce  providing provide  supporting support  boosting boost  promoting promote
        resuming resume  restoring restore  deepening deepen  discussing discuss  assembling assemble
        attracting attract  buying buy  selling sell  visiting visit  improving improve  introducing introduce
        reaching reach  drawing draw  preparing prepare  completing complete  ensuring ensure  finding find
        bringing bring  getting get  sending send  intensifying intensify  diversifying diversify
        modernizing modernize  modernising modernise  training train  exchanging exchange  sharing share
        returning return  reviving revive  stepping step  planning plan  running run  cutting cut  putting put
        adding add  analysing analyse  analyzing analyze  addressing address  solving solve  resolving resolve
        eliminating eliminate  reducing reduce  simplifying simplify  updating update  drafting draft
        agreeing agree  seeing see  doing do  going go  meeting meet  inviting invite  offering offer
        helping help  assisting assist  cooperating cooperate  collaborating collaborate  focusing focus
        concentrating concentrate  scaling scale  localizing localize  localising localise
        manufacturing manufacture  exporting export  importing import  delivering deliver  purchasing purchase
        investing invest  financing finance  funding fund  attending attend  hosting host  celebrating celebrate
        marking mark  bolstering bolster  enhancing enhance  advancing advance  accelerating accelerate
        speeding speed  facilitating facilitate  examining examine  assessing assess  evaluating evaluate
        checking check  monitoring monitor
        """);

    public override Regex Condition => ConditionPattern();

    public override Regex AnyCondition => AnyConditionPattern();

    /// <summary>"taking take  making make …": each gerund followed by its base form, pairs apart by any whitespace.</summary>
    private static Dictionary<string, string> GerundTable(string pairs)
    {
        var words = pairs.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Length; i += 2)
        {
            table[words[i]] = words[i + 1];
        }

        return table;
    }

    public override Regex Engagement => EngagementWords();

    public override Regex ActorSubject => ActorSubjectPattern();

    public override Regex SpeakerSubject => SpeakerSubjectPattern();

    public override Regex AddresseeSubject => AddresseeSubjectPattern();

    public override Regex JointSubject => JointSubjectPattern();

    public override Regex ImpersonalSubject => ImpersonalSubjectPattern();

    public override Regex TrailingAdverbs => TrailingAdverbsPattern();

    public override Regex NotACommitment => NotACommitmentPattern();

    public override Regex Consequence => ConsequencePattern();

    public override Regex Undertaking => UndertakingPattern();

    public override Regex ActionAfterCue => ToInfinitive();

    public override Regex EventWords => EventWordsPattern();

    public override Regex Gathering => GatheringPattern();

    public override Regex TalksOrVisit => TalksOrVisitPattern();

    public override Regex HubWords => HubCenter();

    public override Regex TradeWords => TradeWordsPattern();

    public override Regex TradeVolume => TradeVolumePattern();

    public override Regex RelationsLevel => RelationsLevelPattern();

    public override Regex TargetVerbs => TargetVerbsPattern();

    public override Regex PledgeWords => PledgeWordsPattern();

    public override Regex GovernmentWords => GovernmentWordsPattern();

    public override Regex AnaphoricStart => AnaphoricStartPattern();

    public override Regex Elaboration => ElaborationPattern();

    public override Regex ClauseBoundary => ClauseBoundaryPattern();

    public override Regex PointsBack => PointsBackPattern();

    public override Regex PastBeforeToday => PastBeforeTodayPattern();

    public override Regex ActAfterToday => ActAfterTodayPattern();

    public override Regex NewItem => NewItemPattern();

    public override Regex SaysAgain => SaysAgainPattern();

    public override Regex Because => BecausePattern();

    public override Regex TitleLead => TitleLeadPattern();

    public override Regex TitleTail => TitleTailPattern();

    public override Regex AttributionLead => AttributionLeadPattern();

    public override Regex AttributionGoesOn => AttributionGoesOnPattern();

    public override Regex HomeCountryWords => HomeCountryPattern();

    public override Regex StateLevel => StateLevelPattern();

    public override Regex TimeExpression => TimeExpressionPattern();

    public override Regex Money => MoneyPattern();

    public override Regex BareFigure => BareFigurePattern();

    public override Regex MoneyContext => MoneyContextPattern();

    public override Regex SameSum => SameSumPattern();
}
