using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction;
using CommitmentTracker.Extraction.Model;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>One synthetic sentence per cue family, written for these tests (not taken from the seeds).</summary>
public class ExtractorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Meeting = new(2025, 3, 12);

    private static readonly KnownParty[] Parties =
    [
        new("BY", ["Republic of Belarus", "Belarus", "Республика Беларусь", "Беларусь"]),
        new("RU", ["Russian Federation", "Russia", "Россия"]),
        new("RU-SVE", ["Sverdlovsk Oblast", "Свердловская область"], "RU"),
        new("MAZ", ["MAZ", "МАЗ"], "BY"),
        new("BY-GOV", ["Government of Belarus", "Правительство Беларуси"], "BY", true),
        new("BY-MFA", ["Ministry of Foreign Affairs of Belarus"], "BY-GOV"),
    ];

    [Theory]
    [InlineData("The President instructed the ministry of industry to prepare a joint programme by the end of the year.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("I instruct the government to open a trade mission in Yekaterinburg.", "instruction.i-instruct", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("I promise you that every contract will be honoured.", "pledge.guarantee", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Everything we have signed in the agreements will be fulfilled in full.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("We agreed to set up a working group on logistics.", "decision.agreed", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("The ministry will take a final decision on the joint venture next month.", "decision.will-decide", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("A festival of Belarusian cinema is scheduled to take place in Yekaterinburg in May 2025.", "event.scheduled", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("A number of joint projects are expected to be finalized before the end of the year.", "event.planned", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("A warehouse for MAZ trucks will be opened in Sverdlovsk Oblast.", "hub.will-be-located", CommitmentKind.Hub, Modality.Firm)]
    [InlineData("We want to build a logistics hub near the border.", "hub.center", CommitmentKind.Hub, Modality.Tentative)]
    [InlineData("We suggest that the regions hold a business forum every year.", "proposal.propose", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("I invite you to the Forum of Regions in Minsk in June.", "proposal.propose", CommitmentKind.CulturalEvent, Modality.Tentative)]
    [InlineData("There is every opportunity to reach a billion dollars.", "target.trade", CommitmentKind.TradeTarget, Modality.Tentative)]
    [InlineData("Our task is that we will double our exports to the region within three years.", "target.trade", CommitmentKind.TradeTarget, Modality.Firm)]
    [InlineData("We are ready to supply buses and trolleybuses to your cities.", "proposal.ready", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("We have a real opportunity to launch joint production of elevators.", "proposal.opportunity", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Belarus could deliver tractors for your farms.", "proposal.can", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("The parties should work together on the new medical projects.", "proposal.should", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("The assembly line can be relocated closer to the customers as a joint project.", "proposal.passive-modal", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Let us build these houses together.", "proposal.lets", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("We will deliver the first batch of combines to your farmers.", "statement.will", CommitmentKind.Cooperation, Modality.Firm)]
    // ADR 0130: a suggestion put to the listener, a pledge to keep agreements said as insisting or adhering, help "as far
    // as we can", a scheduled part in a forum, deliveries that begin, «настроена на», "they agreed to", in both languages.
    [InlineData("It makes sense to focus on mechanical engineering.", "proposal.necessary", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Имеет смысл сосредоточиться на машиностроении.", "proposal.should", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Consider cooperation in pharmaceuticals, from research to production.", "proposal.suggest-to-you", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Рассмотрите сотрудничество в фармацевтике.", "proposal.suggest-to-you", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Why don't you consider opening a trading house in Minsk?", "proposal.suggest-to-you", CommitmentKind.Hub, Modality.Tentative)]
    [InlineData("Почему бы вам не открыть торговый дом в Минске?", "proposal.suggest-to-you", CommitmentKind.Hub, Modality.Tentative)]
    [InlineData("We insist that all our agreements be honoured.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Мы настаиваем, чтобы все договорённости выполнялись.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("We will adhere to all the agreements reached.", "statement.will", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Мы будем придерживаться всех достигнутых договорённостей.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("We will help as much as we can.", "statement.will", CommitmentKind.Pledge, Modality.Tentative)]
    [InlineData("Чем можем — поможем вашей области после паводка.", "pledge.do-everything", CommitmentKind.Pledge, Modality.Tentative)]
    [InlineData("The governor will take part in the investment forum in Grodno.", "event.scheduled", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("Губернатор завтра примет участие в инвестиционном форуме в Гродно.", "event.scheduled", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("В скором времени начнутся поставки тракторов.", "event.scheduled", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Беларусь настроена на долгосрочную работу с областью.", "proposal.ready", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("They also agreed to hold a meeting of the working group in the near future.", "decision.agreed", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Этот потенциал мы будем наращивать.", "statement.will", CommitmentKind.Cooperation, Modality.Firm)]
    // ADR 0133: «полмиллиарда» is one word, and a target of it is a target.
    [InlineData("Задача — выйти на полмиллиарда долларов товарооборота в ближайшие три года.", "target.trade", CommitmentKind.TradeTarget, Modality.Firm)]
    [InlineData("Нам надо выйти на полмиллиарда.", "target.trade", CommitmentKind.TradeTarget, Modality.Tentative)]
    public void Each_cue_family_fires_with_its_id_kind_and_modality(string sentence, string cue, CommitmentKind kind, Modality modality)
    {
        var candidate = Extract(sentence).ShouldHaveSingleItem();

        candidate.Cue.ShouldBe(cue);
        candidate.Kind.ShouldBe(kind);
        candidate.Modality.ShouldBe(modality);
        candidate.Quote.ShouldBe(sentence[candidate.Start..candidate.End]);
        candidate.Confidence.ShouldBeInRange(0, 1);
        candidate.SuggestedTitle.Length.ShouldBeInRange(1, 120);
    }

    /// <summary>
    /// The kind read from the words beside the cue, whichever cue proposed the sentence: another side "can count on"
    /// help is a pledge to it (as "можете рассчитывать" is in Russian); holding trade at the same level is a trade
    /// target as much as raising it is. Found by a walk through a record outside the corpus (decision 0082). "Will always"
    /// and "will never" promise how things stay, and implementing what was agreed keeps a promise: pledges; the level of
    /// relations or cooperation, with no trade word or sum, is not a trade target (ADR 0114).
    /// </summary>
    [Theory]
    [InlineData("Belarus will never fail you in terms of organisation.", CommitmentKind.Pledge)]
    [InlineData("Therefore, we will always maintain this level of relations.", CommitmentKind.Pledge)]
    [InlineData("Belarus will make every effort to implement previous agreements with the region.", CommitmentKind.Pledge)]
    [InlineData("We have fulfilled all the agreements and are ready to supply buses to the region.", CommitmentKind.Cooperation)]
    [InlineData("We need to reach the level of cooperation where we are supposed to be.", CommitmentKind.Cooperation)]
    [InlineData("Нам надо выйти на новый уровень сотрудничества с областью.", CommitmentKind.Cooperation)]
    [InlineData("We need to reach the level of cooperation of last year and a trade of $1 billion.", CommitmentKind.TradeTarget)]
    [InlineData("Sverdlovsk Oblast can count on assistance from Belarus in the reform of agriculture, the President assured.", CommitmentKind.Pledge)]
    [InlineData("Our partners can always rely on Belarusian supplies of fertilisers.", CommitmentKind.Pledge)]
    [InlineData("We are going to have the same amount of trade this year.", CommitmentKind.TradeTarget)]
    [InlineData("We will maintain mutual trade at the level of last year.", CommitmentKind.TradeTarget)]
    [InlineData("Мы будем поддерживать товарооборот на том же уровне.", CommitmentKind.TradeTarget)]
    [InlineData("В этом году мы сохраним объём взаимной торговли.", CommitmentKind.TradeTarget)]
    [InlineData("Глава государства предложил провести Дни Беларуси в Свердловской области осенью 2027 года.", CommitmentKind.CulturalEvent)]
    public void The_kind_is_read_from_the_words_beside_the_cue(string sentence, CommitmentKind kind)
    {
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().Kind.ShouldBe(kind);
    }

    // ADR 0120: the issue's own example — service centres are cooperation, not a hub; a hub centre still is one.
    [Theory]
    [InlineData("Our service centres will be opened in every district.", CommitmentKind.Cooperation)]
    [InlineData("Maintenance centers will be set up in the region.", CommitmentKind.Cooperation)]
    [InlineData("A logistics centre will be opened in Novosibirsk.", CommitmentKind.Hub)]
    public void Service_centres_are_cooperation_and_a_logistics_centre_is_a_hub(string sentence, CommitmentKind kind) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().Kind.ShouldBe(kind);

    // ADR 0120: a title names what is done. "Do everything we can" swallows its "we can"; a trade target's title starts
    // at its verb; a verb whose object is a pronoun gives way to the sentence, where the pronoun's noun is.
    [Theory]
    [InlineData("We will do everything we can to support the region.", "Support the region")]
    [InlineData("We will do everything we can for your region.", "Do everything possible for your region")]
    [InlineData("We will do everything not to lose this market.", "Do everything possible not to lose this market")]
    [InlineData("Trade should reach a billion dollars.", "Reach a billion dollars")]
    [InlineData("Our trade is growing well, and we can increase it.", "Our trade is growing well, and we can increase it")]
    [InlineData("Мы сделаем всё возможное, чтобы поддержать регион.", "Поддержать регион")]
    [InlineData("Мы сделаем всё возможное для развития региона.", "Сделать всё возможное для развития региона")]
    [InlineData("Необходимо обеспечить поставки техники в область.", "Обеспечить поставки техники в область")]
    [InlineData("Организаторы должны обеспечить нормальную работу форума.", "Обеспечить нормальную работу форума")]
    // ADR 0130: "it" with a few words after it, or one word alone, names nothing either; "this plan" does.
    [InlineData("If we can supply more buses, we are ready to do it next year.", "If we can supply more buses, we are ready to do it next year")]
    [InlineData("Этот потенциал мы будем наращивать.", "Этот потенциал мы будем наращивать")]
    [InlineData("And you and I could approve this plan during my visit.", "Approve this plan during my visit")]
    public void A_title_names_what_is_done(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    // ADR 0120: «если вам нужна наша техника» is what the other side needs, not a duty; the undertaking is «мы её поставим».
    [Fact]
    public void What_the_addressee_needs_is_not_a_duty_but_the_answer_to_it_is_ours()
    {
        var candidate = Extractor.Extract(Request("Если вам нужна наша техника, мы ее поставим."), Ct).Candidates.ShouldHaveSingleItem();

        candidate.Cue.ShouldNotBe("proposal.should");
        candidate.Lead.ShouldBe(["BY"]);
        candidate.Modality.ShouldBe(Modality.Conditional);
    }

    [Theory]
    [InlineData("We can count on the support of our Russian partners in this project.")]
    [InlineData("I hope we can rely on your understanding here.")]
    public void Counting_on_the_other_side_is_not_a_pledge_of_ours(string sentence)
    {
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldAllBe(c => c.Kind != CommitmentKind.Pledge);
    }

    /// <summary>A wish to say something is the saying: thanks, congratulations and remarks are no undertaking (ADR 0086).</summary>
    [Theory]
    [InlineData("I would like to thank you for the cordial invitation and the opportunity to meet with you.")]
    [InlineData("I want to congratulate you on your success in your service.")]
    [InlineData("I would like to especially note the role of your ministry in this work.")]
    [InlineData("We want to express our gratitude to the governor for the warm welcome.")]
    [InlineData("Хочу поблагодарить вас за тёплый приём.")]
    [InlineData("Я хотел бы особо отметить роль вашего министерства в этой работе.")]
    [InlineData("Хотелось бы выразить нашу благодарность губернатору за гостеприимство.")]
    public void Wishing_to_say_something_is_not_an_undertaking(string sentence)
    {
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();
        Extract(sentence).ShouldAllBe(c => !c.Cue.Contains("proposal.want", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We would like to buy a larger range of products from you.")]
    [InlineData("I would like to invite you to visit Belarus at a time convenient for you.")]
    [InlineData("Хочу пригласить вас в Беларусь в удобное для вас время.")]
    [InlineData("Мы хотели бы поставить в область больше техники.")]
    public void A_wish_to_do_something_is_still_proposed(string sentence)
    {
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Cue.ShouldStartWith("proposal.");
    }

    /// <summary>
    /// ADR 0114: words that look like a cue and are not one. A pledge said after a clause with no future or modal in it
    /// ("…, I assure you"); «заверш-» (done), not «завер-» (assure); who needs a thing («нужна Зимбабве», «нужны друг
    /// другу»); what a side "has to offer".
    /// </summary>
    [Theory]
    [InlineData("This is the main thing, I assure you.")]
    [InlineData("Официальный визит Президента Беларуси в Иран завершен - подводим итоги.")]
    [InlineData("Эта техника очень нужна Зимбабве.")]
    [InlineData("За последние годы страны почувствовали, что нужны друг другу.")]
    [InlineData("Yet, Belarus needs everything that Venezuela has to offer.")]
    // ADR 0130: a recollection, a question about the past, an agreement on a fact, a third country's decision.
    [InlineData("It makes sense to recall how this all began.")]
    [InlineData("Имеет смысл вспомнить, как всё начиналось.")]
    [InlineData("Why don't you tell us about the harvest?")]
    [InlineData("Почему бы вам не рассказать о посевной?")]
    [InlineData("They agreed that the weather was bad.")]
    [InlineData("They have decided to destroy everything in this area.")]
    public void Words_shaped_like_a_cue_propose_nothing(string sentence) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();

    /// <summary>The same shapes where they do undertake or ask something (ADR 0114).</summary>
    [Theory]
    [InlineData("We will deliver the buses before the winter, I promise.", "pledge.guarantee")]
    [InlineData("В случае необходимости Астана может на нее рассчитывать.", "pledge.count-on-us")]
    [InlineData("Белорусский лидер заверил, что все договоренности будут выполнены.", "pledge.guarantee")]
    [InlineData("Для Витебской области нужен пошаговый антикризисный план.", "proposal.should")]
    [InlineData("We have to offer our partners in the region better terms.", "proposal.should")]
    [InlineData("Есть все для того, чтобы Беларусь и Иран вышли на новый уровень сотрудничества.", "proposal.opportunity")]
    public void The_same_shapes_undertaking_something_are_proposed(string sentence, string cue) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Cue.ShouldBe(cue);

    /// <summary>
    /// The speaker's own invitation is titled by it, and an existential "There is…" after it points back to nothing: two
    /// proposals, not the invitation with a billion dollars in it (ADR 0125, found importing the sentences of the issue).
    /// </summary>
    [Fact]
    public void An_invitation_and_an_opportunity_after_it_are_two_proposals()
    {
        var candidates = Extract("I invite you to the Forum of Regions in Minsk in June. There is every opportunity to reach a billion dollars.");

        candidates.Count.ShouldBe(2);
        candidates[0].SuggestedTitle.ShouldBe("Invite you to the Forum of Regions in Minsk in June");
        candidates[0].Amounts.ShouldBeEmpty();
        candidates[1].Kind.ShouldBe(CommitmentKind.TradeTarget);
    }

    /// <summary>«Выйти на 500 млн долларов» is a target as «выйти на миллиард» is: a sum in millions too (ADR 0125).</summary>
    [Fact]
    public void A_russian_target_in_millions_is_a_target()
    {
        var candidate = Extract("Наша задача — выйти на 500 млн долларов к 2026 году.").ShouldHaveSingleItem();

        candidate.Cue.ShouldBe("target.trade");
        candidate.Kind.ShouldBe(CommitmentKind.TradeTarget);
        candidate.Amounts.ShouldHaveSingleItem().Value.ShouldBe(500_000_000m);
    }

    /// <summary>
    /// A consequence foreseen is not an undertaking (ADR 0121): a thing (a visit, joint projects, "this") that will help,
    /// allow or give an impetus, with nobody in the sentence undertaking anything.
    /// </summary>
    [Theory]
    [InlineData("I am convinced that your visit is a landmark event that will enable us to jointly open new horizons of co-operation.")]
    [InlineData("We hope that your visit will give a strong impetus to the development of bilateral cooperation.")]
    [InlineData("According to the head of state, joint projects will help Belarus and Kaluga Oblast make the most of their potential.")]
    [InlineData("Визит делегации Республики Тыва в Беларусь поможет открыть новые горизонты сотрудничества между народами двух стран.")]
    [InlineData("Уверен, это позволит обеспечить технологическую независимость и безопасность.")]
    public void A_consequence_foreseen_commits_to_nothing(string sentence)
    {
        // Asked of the rules themselves too: the model's proposals and its features heed the same answer.
        LanguageRules.For(LanguageDetector.Detect(sentence).Code).CommitsToNothing(sentence).ShouldBeTrue();
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();
    }

    /// <summary>
    /// Sentences of the genre the curation rules leave out, written in both languages: the speaker's past advocacy, what
    /// the listener will feel (ADR 0126); general rhetoric, warnings, wishes for the visit, a feeling to have, how one
    /// should act, a word shaped like a first-person future that is no verb (ADR 0127); a promise told to its maker, and
    /// prospects outlined (past, not a plan; ADR 0128, 0129). None is proposed.
    /// </summary>
    [Theory]
    [InlineData("I have always told Russia that we need to develop our own capacities.")]
    [InlineData("Я всегда говорил России, что нам надо развивать собственные мощности.")]
    [InlineData("I think you will like Minsk.")]
    [InlineData("Думаю, Минск вам понравится.")]
    [InlineData("I am sure that your visit will be successful.")]
    [InlineData("Уверен, что ваш визит будет успешным.")]
    [InlineData("I would like this visit to be fruitful.")]
    [InlineData("Хотелось бы, чтобы этот визит был плодотворным.")]
    [InlineData("Together we can achieve great results.")]
    [InlineData("Вместе мы можем добиться больших результатов.")]
    [InlineData("Otherwise you will end up as a mere post office for documents.")]
    [InlineData("Иначе вы превратитесь в почтовое отделение для пересылки бумаг.")]
    [InlineData("Мы не должны позволить санкциям разрушить наши отношения.")]
    [InlineData("Мы должны быть благодарны тем, кто построил этот завод.")]
    [InlineData("Наши деды воевали вместе, и мы должны об этом помнить.")]
    [InlineData("Сотрудничество наших регионов может быть примером того, как надо сотрудничать.")]
    [InlineData("Губернатор должен знать каждое предприятие в своём регионе.")]
    [InlineData("You should know that Belarus has never let down its partners.")]
    [InlineData("We will see how events develop.")]
    [InlineData("Посмотрим, как будут развиваться события.")]
    [InlineData("You promised to come, and you came.")]
    [InlineData("На встрече были намечены перспективы взаимодействия.")]
    // ADR 0131: a commitment to an idea, a gratitude expressed, a modal with no deadline.
    [InlineData("Стороны привержены идее справедливого мира.")]
    [InlineData("Губернатор отметил приверженность белорусских строителей своему делу.")]
    [InlineData("The governor expressed his gratitude for the warm welcome.")]
    [InlineData("Губернатор выразил благодарность за тёплый приём.")]
    [InlineData("The problems must be settled somehow.")]
    public void What_the_curation_rules_leave_out_is_not_proposed(string sentence) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();

    /// <summary>
    /// What the exclusions of ADR 0127 keep: a duty, a passive after «должны», a verb in «-ьём», documents sent, a
    /// meeting set, interest taken.
    /// </summary>
    [Theory]
    [InlineData("Мы должны активнее работать на рынке вашего региона.", "proposal.should")]
    [InlineData("Документы должны быть подписаны до конца года.", "proposal.should")]
    [InlineData("Разовьём сотрудничество с вашим регионом в сельском хозяйстве.", "statement.we-future")]
    [InlineData("Мы направим вам документы в ближайшие дни.", "statement.we-future")]
    [InlineData("We will meet again in December.", "statement.will")]
    [InlineData("Коллеги также заинтересовались созданием совместных проектов в сфере овцеводства.", "proposal.interest")]
    public void What_the_exclusions_keep_is_proposed(string sentence, string cue) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Cue.ShouldBe(cue);

    /// <summary>
    /// Undertakings written in both languages that one language read and the other did not (ADR 0128): a Russian verb
    /// with no subject before it, "within our power", air service, "I expect", a visit in the first person, "can count
    /// on our help" (tentative in both), a scheduled signing, a promise reported, a request to the government.
    /// </summary>
    [Theory]
    [InlineData("Можем поставлять вам продукты питания в любых объёмах.", "proposal.can", CommitmentKind.Cooperation, Modality.Tentative, "BY")]
    [InlineData("Считаю, что нам по силам удвоить товарооборот за три года.", "target.trade", CommitmentKind.TradeTarget, Modality.Tentative, "BY")]
    [InlineData("Нам нужно восстановить авиасообщение между Минском и Екатеринбургом.", "proposal.should", CommitmentKind.Cooperation, Modality.Tentative, "BY")]
    [InlineData("Обязательно приеду к вам с визитом.", "event.scheduled", CommitmentKind.Cooperation, Modality.Firm, "BY")]
    [InlineData("Вы можете рассчитывать на нашу помощь в ликвидации последствий паводка.", "pledge.count-on-us", CommitmentKind.Pledge, Modality.Tentative, "BY")]
    [InlineData("You can count on our help in dealing with the consequences of the flood.", "pledge.count-on-us", CommitmentKind.Pledge, Modality.Tentative, "BY")]
    [InlineData("Мы готовы рассмотреть любые ваши предложения.", "decision.will-decide", CommitmentKind.Cooperation, Modality.Tentative, "BY")]
    [InlineData("We hope the joint venture will start operating next year.", "decision.will-decide", CommitmentKind.Cooperation, Modality.Tentative, "BY")]
    [InlineData("Our universities are ready to admit students from your region.", "proposal.ready", CommitmentKind.Cooperation, Modality.Tentative, "BY")]
    [InlineData("An agreement on cooperation is to be signed.", "event.scheduled", CommitmentKind.Cooperation, Modality.Firm, "BY")]
    [InlineData("A visit of our delegation to Yekaterinburg is planned for the summer.", "event.scheduled", CommitmentKind.Cooperation, Modality.Firm, "BY")]
    [InlineData("The President promised to visit the region next year.", "pledge.guarantee", CommitmentKind.Pledge, Modality.Firm, "BY")]
    [InlineData("I would ask the government to speed up the signing of the agreement.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm, "BY-GOV")]
    [InlineData("Просил бы правительство ускорить подписание соглашения.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm, "BY-GOV")]
    public void Undertakings_one_language_read_are_read_in_both(string sentence, string cue, CommitmentKind kind, Modality modality, string lead)
    {
        var candidate = Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem();

        candidate.Cue.ShouldBe(cue);
        candidate.Kind.ShouldBe(kind);
        candidate.Modality.ShouldBe(modality);
        candidate.Lead.ShouldBe([lead]);
    }

    /// <summary>
    /// A gathering that is held is an event, as the Days of Culture are, while talks and visits stay cooperation; raising
    /// exports of named goods with no figure is supplying them, while trade, turnover or a sum is a target (ADR 0129).
    /// </summary>
    [Theory]
    [InlineData("The summit will take place in Minsk in autumn.", CommitmentKind.CulturalEvent)]
    [InlineData("We will hold the session of the Council of Ministers of the Union State in November.", CommitmentKind.CulturalEvent)]
    [InlineData("Саммит пройдёт в Минске осенью.", CommitmentKind.CulturalEvent)]
    [InlineData("Его проведение намечено на июнь.", CommitmentKind.CulturalEvent)]
    [InlineData("The negotiations will take place in Minsk in autumn.", CommitmentKind.Cooperation)]
    [InlineData("Переговоры пройдут в Минске осенью.", CommitmentKind.Cooperation)]
    [InlineData("Belarus is ready to increase exports of building materials to the region.", CommitmentKind.Cooperation)]
    [InlineData("Беларусь готова нарастить экспорт строительных материалов в регион.", CommitmentKind.Cooperation)]
    [InlineData("Belarus is ready to increase trade with the region.", CommitmentKind.TradeTarget)]
    [InlineData("Belarus is ready to increase exports to the region to $300 million.", CommitmentKind.TradeTarget)]
    [InlineData("Мы готовы нарастить товарооборот с регионом.", CommitmentKind.TradeTarget)]
    public void The_kind_follows_what_is_held_and_what_is_traded(string sentence, CommitmentKind kind) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Kind.ShouldBe(kind);

    /// <summary>
    /// A Russian decision or "count on us" cue that is the action itself keeps it in the title (found importing the
    /// sentences of ADR 0128 through the API).
    /// </summary>
    [Theory]
    [InlineData("Белорусская сторона готова рассмотреть любые предложения региона.", "Рассмотреть любые предложения региона")]
    [InlineData("Президент предложил проработать вопрос организации прямого авиарейса.", "Проработать вопрос организации прямого авиарейса")]
    [InlineData("Вы можете рассчитывать на нашу помощь в ликвидации последствий паводка.", "Рассчитывать на нашу помощь в ликвидации последствий паводка")]
    public void A_russian_cue_that_is_the_action_keeps_it_in_the_title(string sentence, string title) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    /// <summary>ADR 0131: a comma inside a number ("60,000", «1,5 млрд») does not end the title's clause.</summary>
    [Theory]
    [InlineData("We are ready to supply 12,000 tonnes of milk powder to the region.", "Supply 12,000 tonnes of milk powder to the region")]
    [InlineData("Мы готовы поставить в область 1,5 тысячи тракторов.", "Поставить в область 1,5 тысячи тракторов")]
    public void A_title_keeps_its_numbers_whole(string sentence, string title) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    /// <summary>
    /// An option held open and an invitation are tentative proposals in both languages, titled by what is offered
    /// (ADR 0126).
    /// </summary>
    [Theory]
    [InlineData("We are considering the possibility of building a logistics centre in Yekaterinburg.", "Consider the possibility of building a logistics centre in Yekaterinburg")]
    [InlineData("Мы рассматриваем возможность создания совместного предприятия в Екатеринбурге.", "Рассмотреть возможность создания совместного предприятия в Екатеринбурге")]
    [InlineData("We do not rule out building a plant here.", "Build a plant here")]
    [InlineData("Мы не исключаем строительства завода здесь.", "Не исключать строительства завода здесь")]
    [InlineData("We expect you in Minsk at the Forum of Regions in June.", "Host you in Minsk at the Forum of Regions in June")]
    [InlineData("Ждём вас в Минске на Форуме регионов в июне.", "Принять вас в Минске на Форуме регионов в июне")]
    [InlineData("Будем рады видеть ваши предприятия на выставке в Минске.", "Принять ваши предприятия на выставке в Минске")]
    [InlineData("Therefore, you are welcome to use anything you need.", "Use anything you need")]
    [InlineData("I am proposing to set up a service centre for our machinery in the region.", "Set up a service centre for our machinery in the region")]
    [InlineData("Было бы хорошо организовать здесь производство лифтов.", "Организовать здесь производство лифтов")]
    public void An_option_held_open_or_an_invitation_is_a_tentative_proposal(string sentence, string title)
    {
        var candidate = Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem();

        candidate.Modality.ShouldBe(Modality.Tentative);
        candidate.SuggestedTitle.ShouldBe(title);
    }

    /// <summary>
    /// «Товарооборот должен удвоиться»: «должен» is a modal like «должны», and trade that doubles or comes back is a
    /// target (ADR 0126).
    /// </summary>
    [Theory]
    [InlineData("Товарооборот должен удвоиться за три года.")]
    [InlineData("Нам нужно вернуть товарооборот на уровень 2021 года.")]
    public void Russian_trade_that_must_grow_or_come_back_is_a_target(string sentence) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Kind.ShouldBe(CommitmentKind.TradeTarget);

    /// <summary>What happens to the subject titles by the subject: not «Удвоиться за три года» (ADR 0126).</summary>
    [Fact]
    public void Russian_trade_that_must_double_is_titled_by_the_trade() =>
        Extractor.Extract(Request("Товарооборот должен удвоиться за три года."), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem()
            .SuggestedTitle.ShouldBe("Товарооборот должен удвоиться за три года");

    /// <summary>
    /// Sentences written around a due phrase that nothing proposed (ADR 0126): a decision said object first, a launch in
    /// the passive, a visit said with "come to".
    /// </summary>
    [Theory]
    [InlineData("Решение мы примем в ближайшее время.", "в ближайшее время")]
    [InlineData("Завод будет запущен в начале 2026 года.", "начале 2026 года")]
    [InlineData("Our experts will come to Yekaterinburg next week.", "next week")]
    public void A_decision_object_first_a_passive_launch_and_a_visit_are_proposed_with_their_due_phrase(string sentence, string due) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().DuePhrase.ShouldBe(due);

    /// <summary>
    /// Sentences written around who acts (ADR 0126): the other side's interest in reported speech, its need said with
    /// the dative, a company that opens a line, an offer said to "вы"; and the turn of speech «можете себе представить».
    /// </summary>
    [Theory]
    [InlineData("The governor said the oblast was interested in buying Belarusian elevators.", "RU-SVE", "BY")]
    [InlineData("Региону нужно создать дилерскую сеть для белорусской техники.", "RU-SVE", "BY")]
    [InlineData("МАЗ откроет сборочную линию в Екатеринбурге.", "MAZ", "RU-SVE")]
    [InlineData("Вы можете купить наши тракторы.", "RU-SVE", "BY")]
    public void Who_acts_is_read_from_reported_interest_a_dative_need_a_company_and_you_can(string sentence, string lead, string counterpart)
    {
        var candidate = Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem();

        candidate.Lead.ShouldBe([lead]);
        candidate.Counterparts.ShouldBe([counterpart]);
    }

    /// <summary>
    /// Sentences written around kind and modality (ADR 0126): «все наши обязательства» are the agreements a pledge
    /// fulfils, «правительство должно … подготовить» is a task set (neuter, three words apart), «построим» is building.
    /// </summary>
    [Theory]
    [InlineData("Мы выполним все наши обязательства перед областью.", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Правительство должно в месячный срок подготовить предложения.", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("Мы построим здесь завод.", CommitmentKind.Cooperation, Modality.Firm)]
    public void Russian_pledges_tasks_and_building_read_as_in_english(string sentence, CommitmentKind kind, Modality modality)
    {
        var candidate = Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem();

        candidate.Kind.ShouldBe(kind);
        candidate.Modality.ShouldBe(modality);
    }

    [Fact]
    public void You_can_imagine_is_a_turn_of_speech() =>
        Extractor.Extract(Request("Вы можете себе представить, как это было сложно для наших предприятий."), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();

    /// <summary>A word with a hyphen is one word where a rule skips words: «если … что-то понадобится» is a condition (ADR 0126).</summary>
    [Fact]
    public void A_hyphenated_word_does_not_break_a_condition()
    {
        var candidate = Extractor.Extract(Request("Если Свердловской области что-то понадобится, мы обязательно это поставим."), ExtractionDesign.RulesAlone, Ct)
            .Candidates.ShouldHaveSingleItem();

        candidate.Modality.ShouldBe(Modality.Conditional);
    }

    /// <summary>The same consequence beside someone undertaking something, or aimed at trade, is still proposed (ADR 0121).</summary>
    [Theory]
    [InlineData("We are ready to consider all your suggestions and to come up with concrete agreements that will give a boost to the bilateral cooperation.")]
    [InlineData("I think your visit will help us to reach a trade turnover of $1 billion.")]
    [InlineData("Belarus is ready to supply buses, which will help the region renew its fleet.")]
    [InlineData("Мы готовы поставить технику, это позволит обновить парк в регионе.")]
    [InlineData("Уверен, этот визит поможет нарастить товарооборот до миллиарда долларов.")]
    public void A_consequence_beside_an_undertaking_or_a_target_is_proposed(string sentence)
    {
        LanguageRules.For(LanguageDetector.Detect(sentence).Code).CommitsToNothing(sentence).ShouldBeFalse();
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldNotBeEmpty();
    }

    /// <summary>
    /// Readiness to do a named thing is an offer, whatever the thing, in English as in Russian (ADR 0091, ADR 0114):
    /// a verb after "ready to" needs no word of joint action; a thing after "ready for" still does.
    /// </summary>
    [Theory]
    [InlineData("We are ready to discuss them.", 1)]
    [InlineData("Belarus is prepared to lend a shoulder.", 1)]
    [InlineData("We are ready for anything.", 0)]
    public void Readiness_to_do_a_named_thing_is_an_offer(string sentence, int proposals) =>
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.Where(c => c.Cue == "proposal.ready").Count().ShouldBe(proposals);

    /// <summary>"The time has come to …" is "it is time to …", already read as a proposal in both languages (ADR 0088).</summary>
    [Theory]
    [InlineData("The time has come to open a joint service centre for Belarusian machinery in the region.", "proposal.necessary")]
    [InlineData("Пришло время для создания нашего сервисного центра в области.", "proposal.should")]
    [InlineData("Настало время запустить совместное производство техники в регионе.", "proposal.should")]
    public void The_time_having_come_is_a_proposal(string sentence, string cue)
    {
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Cue.ShouldBe(cue);
    }

    [Theory]
    [InlineData("Two years ago our exports reached a record level.")]
    [InlineData("The delegation visited the tractor plant and the museum.")]
    [InlineData("We have already supplied two hundred buses to the region.")]
    [InlineData("We will never forget those days.")]
    public void Past_facts_predictions_and_third_party_abilities_are_not_candidates(string sentence) =>
        Extract(sentence).ShouldBeEmpty();

    /// <summary>
    /// A third party's ability is no commitment to the rules. The model of ADR 0066 read this one's meaning as close to an
    /// offer and proposed it at 0.51; retrained on ADR 0114's dev part it scores it under 0.5. Whatever the model's
    /// weights, a proposal of it is the model's, tentative, never a rule's.
    /// </summary>
    [Fact]
    public void A_third_partys_ability_is_no_commitment_to_the_rules()
    {
        const string sentence = "Small firms can produce spare parts for the big plants.";
        Extractor.Extract(Request(sentence), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();
        Extract(sentence).ShouldAllBe(p => p.Cue.StartsWith("model ", StringComparison.Ordinal) && p.Modality == Modality.Tentative);
    }

    /// <summary>
    /// The rules leave an agreement whose content is withheld alone. The sentence model retrained on main's merged
    /// dev records scores it 0.43 and proposes it (a known false positive, ADR 0037): this holds the rules to it.
    /// </summary>
    [Fact]
    public void An_agreement_whose_content_is_withheld_fires_no_rule() =>
        Extractor.Extract(Request("We agreed how we will respond, but we will not say it in public."), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();

    [Theory]
    [InlineData("If your region needs more machines, we will supply them at once.", Modality.Conditional)]
    [InlineData("If there is no such capacity locally, we are ready to send our engineers.", Modality.Conditional)]
    [InlineData("We are ready to train your mechanics if needed.", Modality.Tentative)]
    [InlineData("If we have signed something, we have to fulfil the agreement.", Modality.Firm)]
    [InlineData("We could help with equipment.", Modality.Tentative)]
    [InlineData("I think we will deliver the buses next year.", Modality.Tentative)]
    [InlineData("We will do our best to deliver the buses on time.", Modality.Tentative)]
    [InlineData("We need to decide this month when we will deliver the buses.", Modality.Firm)]
    [InlineData("We need to decide this month whether we will be able to deliver the buses.", Modality.Tentative)]
    [InlineData("I think we need to meet, and we will deliver the buses.", Modality.Tentative)]
    [InlineData("If Russia has questions, we are ready to discuss them.", Modality.Conditional)]
    [InlineData("If you opt for our machines, Belarus will be able to arrange a service center in Yakutia.", Modality.Conditional)]
    [InlineData("We are ready to come to Harare, but only if the joint projects are carried out.", Modality.Conditional)]
    [InlineData("I think if we come to an agreement, we will go this way quickly.", Modality.Tentative)]
    [InlineData("If I may say so, we are ready to supply the buses.", Modality.Tentative)]
    [InlineData("Если вы выберете нашу технику, мы сможем открыть у вас сервисный центр.", Modality.Conditional)]
    [InlineData("Мы готовы приехать в Хараре, но только в том случае, если удастся реализовать совместные проекты.", Modality.Conditional)]
    [InlineData("Если честно, мы готовы поставлять вам автобусы.", Modality.Tentative)]
    [InlineData("Думаю, если мы договоримся, мы быстро пройдем этот путь.", Modality.Tentative)]
    [InlineData("Я обещал губернатору: если что-то сможем для вас сделать, мы готовы это сделать.", Modality.Conditional)]
    public void Modality_follows_the_binding_words_leading_conditions_and_hedges(string sentence, Modality modality) =>
        Extract(sentence).ShouldHaveSingleItem().Modality.ShouldBe(modality);

    [Theory]
    [InlineData("Поручаю правительству до конца года подготовить программу сотрудничества со Свердловской областью.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("Президент поручил провести Дни культуры Беларуси в Свердловской области осенью 2025 года.", "instruction.instructed", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("Президент велел губернатору до осени навести порядок на фермах.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("Глава государства приказал до конца года отремонтировать дороги района.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("Президент распорядился выделить средства на ремонт школы.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("Все договорённости будут выполнены в полном объёме.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Мы договорились создать совместное предприятие по сборке тракторов.", "decision.agreed", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Дни культуры Свердловской области пройдут в Минске весной 2025 года.", "event.scheduled", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("Предлагаю создать в Екатеринбурге торговый дом.", "hub.center", CommitmentKind.Hub, Modality.Tentative)]
    [InlineData("Нам надо выйти на миллиард долларов товарооборота.", "target.trade", CommitmentKind.TradeTarget, Modality.Tentative)]
    [InlineData("Мы готовы поставлять вам автобусы и троллейбусы.", "proposal.ready", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Мы можем вместе строить жильё в вашем регионе.", "proposal.can", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Мы будем поставлять комбайны вашим аграриям.", "statement.will", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Мы продолжим совместную работу по всем направлениям.", "statement.we-future", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Беларусь и Египет собираются разработать дорожную карту развития всестороннего сотрудничества.", "statement.going-to", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Область закупит двести автобусов МАЗ.", "statement.they-future", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("В регионе будет создан сервисный центр белорусской техники.", "statement.will", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Решения, которые мы примем сегодня, будьте уверены, мы будем свято соблюдать.", "proposal.hope", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("Мы готовы оказывать поддержку региону, выполняя все договоренности.", "proposal.ready", CommitmentKind.Pledge, Modality.Tentative)]
    public void Russian_cues_fire_with_the_same_ids_kinds_and_modalities(string sentence, string cue, CommitmentKind kind, Modality modality)
    {
        var result = Extractor.Extract(Request(sentence), Ct);

        result.Language.Code.ShouldBe("ru");
        var candidate = result.Candidates.ShouldHaveSingleItem();
        candidate.Cue.ShouldBe(cue);
        candidate.Kind.ShouldBe(kind);
        candidate.Modality.ShouldBe(modality);
        candidate.Language.ShouldBe("ru");
    }

    [Theory]
    [InlineData("Лукашенко предложил президенту Монголии обсудить перспективы двустороннего сотрудничества.", "Обсудить перспективы двустороннего сотрудничества")]
    [InlineData("Президент поручил правительству обеспечить жесткий контроль за ценами.", "Обеспечить жесткий контроль за ценами")]
    [InlineData("Президент поручил правительству и Нацбанку обеспечить жесткий контроль за ценами.", "Обеспечить жесткий контроль за ценами")]
    [InlineData("Лукашенко велел Русому и Зайцу использовать все законные методы.", "Использовать все законные методы")]
    [InlineData("Президент поручил разработать и утвердить программу сотрудничества.", "Разработать и утвердить программу сотрудничества")]
    [InlineData("Мы готовы в этом году закупить порядка двухсот МАЗов.", "Закупить порядка двухсот МАЗов")]
    [InlineData("Лукашенко предложил не забывать и о студенческих обменах.", "Не забывать и о студенческих обменах")]
    [InlineData("Президент поручил кабинету министров проработать.", "Кабинету министров проработать")]
    [InlineData("Президент поручил правительству: показатели этого года должны быть не ниже предыдущего.", "Показатели этого года должны быть не ниже предыдущего")]
    [InlineData("Я обещал Президенту: если что-то сможем для вас сделать, мы готовы сделать.", "Президенту: если что-то сможем для вас сделать, мы готовы сделать")]
    [InlineData("Лукашенко воспользовался моментом, чтобы вновь пригласить Руто в Беларусь.", "Пригласить Руто в Беларусь")]
    [InlineData("Наша задача — выйти на миллиард долларов товарооборота.", "Выйти на миллиард долларов товарооборота")]
    [InlineData("Задача — выйти на полмиллиарда в ближайшие три года.", "Выйти на полмиллиарда в ближайшие три года")]
    public void A_russian_title_starts_at_the_action_not_at_whom_it_is_addressed_to(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    // ADR 0107: a Russian future names its action with the verb the cue found, not with what follows it. ADR 0108: when
    // the cue is the attribution's own verb, what was promised is the quote before it.
    [Theory]
    [InlineData("Мы будем помогать вам и дальше.", "statement.will", "Помогать вам и дальше")]
    [InlineData("Мы будем поставлять в Свердловскую область тракторы и комбайны.", "statement.will", "Поставлять в Свердловскую область тракторы и комбайны")]
    [InlineData("Все поставки будут выполнены в срок.", "statement.will", "Все поставки будут выполнены в срок")]
    [InlineData("Мы поставим в Свердловскую область сто тракторов.", "statement.we-future", "Поставим в Свердловскую область сто тракторов")]
    [InlineData("Свердловская область закупит у нас двести автобусов.", "statement.they-future", "Закупит у нас двести автобусов")]
    [InlineData("Мы будем поддерживать все ваши начинания в сельском хозяйстве.", "pledge.guarantee", "Поддерживать все ваши начинания в сельском хозяйстве")]
    [InlineData("Обещаю вам, что мы поможем с поставками.", "pledge.guarantee", "Мы поможем с поставками")]
    [InlineData("«Мы всегда отреагируем», — заверил белорусский президент.", "pledge.guarantee", "Мы всегда отреагируем")]
    [InlineData("\"Мы всегда отреагируем\", - заверил белорусский президент.", "pledge.guarantee", "Мы всегда отреагируем")]
    public void A_russian_title_names_what_was_undertaken(string sentence, string cue, string title)
    {
        var candidate = Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem();
        candidate.Cue.ShouldBe(cue);
        candidate.SuggestedTitle.ShouldBe(title);
    }

    // A noun shaped like a perfective verb (a prefix and a third-person ending) is not a future: no proposal.
    [Theory]
    [InlineData("Для главы Республики Мордовия это уже второй визит в Беларусь.")]
    [InlineData("Свердловская область самолет купила.")]
    public void A_noun_shaped_like_a_russian_future_is_no_cue(string sentence) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldBeEmpty();

    // ADR 0106: an English action title starts with the verb's base form, as the other titles do.
    [Theory]
    [InlineData("The President suggested finalizing and approving a bilateral cooperation roadmap.", "Finalize and approve a bilateral cooperation roadmap")]
    [InlineData("I suggest identifying priority areas for our joint work in the near term.", "Identify priority areas for our joint work in the near term")]
    [InlineData("The President suggested financing of the new plant in Sverdlovsk Oblast.", "Financing of the new plant in Sverdlovsk Oblast")]
    [InlineData("The President suggested zigzagging between the two projects in Sverdlovsk Oblast.", "Zigzagging between the two projects in Sverdlovsk Oblast")]
    public void An_english_action_title_starts_with_the_verb_not_its_gerund(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    [Theory]
    [InlineData("Shehbaz Sharif renewed his invitation to the Belarusian head of state to visit Pakistan.", "Invite the Belarusian head of state to visit Pakistan")]
    [InlineData("Lukashenko invites Russia’s Tyumen Oblast to expand oil sector cooperation.", "Invite Russia’s Tyumen Oblast to expand oil sector cooperation")]
    public void An_invitations_title_names_the_invitation(string sentence, string title) =>
        Extract(sentence).ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    [Theory]
    [InlineData("We are particularly interested in the mining industry, as we have the capabilities.", "Interest in the mining industry")]
    [InlineData("Belarus has expressed interest in gas turbine units from Tyumen Oblast.", "Interest in gas turbine units from Tyumen Oblast")]
    [InlineData("We are ready for the full spectrum of cooperation with Kyrgyzstan.", "Readiness for the full spectrum of cooperation with Kyrgyzstan")]
    [InlineData("We are ready to expand cooperation with the Chuvash Republic.", "Expand cooperation with the Chuvash Republic")]
    [InlineData("Belarus offers Karelia supplies of equipment, food and cooperation.", "Offer Karelia supplies of equipment")]
    [InlineData("Кроме этого, мы заинтересованы в дорожной технике.", "Заинтересованность в дорожной технике")]
    [InlineData("Область проявила заинтересованность в покупке белорусской техники для парков.", "Заинтересованность в покупке белорусской техники для парков")]
    [InlineData("Мы готовы ко всему спектру сотрудничества с Кыргызстаном.", "Готовность ко всему спектру сотрудничества с Кыргызстаном")]
    [InlineData("Беларусь и Мордовия договорились о совместных проектах в вагоностроении.", "Договорённость о совместных проектах в вагоностроении")]
    [InlineData("Мы с вами приняли решение о том, что интенсифицируем наши отношения.", "Интенсифицируем наши отношения")]
    [InlineData("Consider cooperation in pharmaceuticals, from research to production.", "Consider cooperation in pharmaceuticals")]
    [InlineData("We insist that all our agreements be honoured.", "Insist that all our agreements be honoured")]
    [InlineData("Рассмотрите сотрудничество в фармацевтике.", "Рассмотреть сотрудничество в фармацевтике")]
    [InlineData("Мы настаиваем, чтобы все договорённости выполнялись.", "Настаивать, чтобы все договорённости выполнялись")]
    [InlineData("Беларусь настроена на долгосрочную работу с областью.", "Нацеленность на долгосрочную работу с областью")]
    public void A_title_keeps_the_cue_word_when_a_thing_not_an_action_follows_it(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    [Theory]
    [InlineData("Что Пензенская область планирует закупить в Беларуси широкую линейку техники.", "Пензенская область")]
    [InlineData("Пензенская область планирует закупить в Беларуси широкую линейку техники.", "Пензенская область")]
    public void A_new_party_is_named_without_the_headlines_question_word(string sentence, string party) =>
        Extractor.Extract(Request(sentence) with { OtherSides = [] }, Ct).Candidates.ShouldHaveSingleItem().NewParty.ShouldBe(party);

    [Theory]
    [InlineData("The state of affairs in education will also be analyzed in the near future.", "The state of affairs in education will also be analyzed in the near future")]
    [InlineData("All agreements and contracts with Russian partners should be executed without delay.", "All agreements and contracts with Russian partners should be executed without delay")]
    [InlineData("MINSK (BelTA) – The harvest campaign should be finished in Belarus by 7 November.", "The harvest campaign should be finished in Belarus by 7 November")]
    [InlineData("Cooperation between Belarus and Leningrad Oblast can be an example of how one should cooperate.", "Cooperation between Belarus and Leningrad Oblast can be an example of how one should cooperate")]
    [InlineData("We will probably be able to replace Western goods to a great extent.", "We will probably be able to replace Western goods to a great extent")]
    public void A_passives_title_names_what_the_action_is_done_to(string sentence, string title) =>
        Extract(sentence).ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    [Theory]
    [InlineData("Текслер предложил наладить производство тракторов \"Беларусь\" в Челябинске.", "Наладить производство тракторов \"Беларусь\" в Челябинске")]
    [InlineData("Лукашенко потребовал \"по-военному\" решать вопрос с заготовкой картофеля.", "\"По-военному\" решать вопрос с заготовкой картофеля")]
    [InlineData("Мы готовы взглянуть на перспективы сотрудничества «по-новому».", "Взглянуть на перспективы сотрудничества «по-новому»")]
    [InlineData("We are ready to supply “Belarus” tractors to your farms.", "Supply “Belarus” tractors to your farms")]
    public void A_title_runs_on_through_a_quotation_and_closes_it(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    [Theory]
    [InlineData("“We are ready to supply tractors to your farms,” the President said.", "We are ready to supply tractors to your farms")]
    [InlineData("“I will try my best to visit your region by the end of the year,” said the Belarusian leader.", "I will try my best to visit your region by the end of the year")]
    [InlineData("Belarus is ready to supply buses to Sverdlovsk Oblast, Belarus President Aleksandr Lukashenko said as he met with the governor on 1 February.", "Belarus is ready to supply buses to Sverdlovsk Oblast")]
    [InlineData("«Мы готовы поставлять автобусы в регион», — сказал Лукашенко.", "Мы готовы поставлять автобусы в регион")]
    [InlineData("«Мы готовы поставлять автобусы в регион», — сказал Лукашенко, передает корреспондент БЕЛТА.", "Мы готовы поставлять автобусы в регион")]
    [InlineData("Беларусь готова поставлять автобусы в регион, передает корреспондент БЕЛТА.", "Беларусь готова поставлять автобусы в регион")]
    [InlineData("“Мы готовы в этом году закупить порядка двухсот автобусов”, – рассказал губернатор.", "Мы готовы в этом году закупить порядка двухсот автобусов")]
    [InlineData("«Это важно», — сказал он, — «мы готовы поставлять автобусы в регион».", null)]
    [InlineData("«Программы выполнены», — отметил министр, добавив, что мы будем поставлять автобусы в регион.", null)]
    [InlineData("“The programmes are done,” the President said, adding that we will supply buses to the region.", null)]
    public void The_quote_ends_before_who_said_it(string sentence, string? quote)
    {
        var candidate = Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem();

        candidate.Quote.ShouldBe(quote ?? sentence.TrimStart('«', '“'), customMessage: "a quote that goes on after the attribution is not cut");
        sentence.ShouldContain(candidate.Quote);
    }

    [Theory]
    [InlineData("MINSK, 13 September (BelTA) – Belarus is ready to supply buses to the region.", "Belarus is ready to supply buses to the region.")]
    [InlineData("МИНСК, 21 июня (БЕЛТА) – Беларусь готова поставлять автобусы в регион.", "Беларусь готова поставлять автобусы в регион.")]
    [InlineData("EAEU – we are ready to supply buses to the region.", "EAEU – we are ready to supply buses to the region.")]
    [InlineData("According to the President, Belarus is ready to supply buses to the region.", "Belarus is ready to supply buses to the region.")]
    [InlineData("MINSK, 13 September (BelTA) – In his words, Belarus is ready to supply buses to the region.", "Belarus is ready to supply buses to the region.")]
    [InlineData("По словам Александра Лукашенко, Беларусь готова поставлять автобусы в регион.", "Беларусь готова поставлять автобусы в регион.")]
    [InlineData("По его словам, Беларусь готова поставлять автобусы в регион.", "Беларусь готова поставлять автобусы в регион.")]
    public void The_quote_starts_after_the_dateline_and_whose_words_follow(string sentence, string quote)
    {
        var candidate = Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem();

        candidate.Quote.ShouldBe(quote);
        sentence[candidate.Start..candidate.End].ShouldBe(quote);
    }

    [Theory]
    [InlineData("Беларусь готова стать для вашей республики мостом в Евразию.")]
    [InlineData("Беларусь, где только может, готова подставить свое плечо региону.")]
    [InlineData("Мы готовы всячески содействовать вам.")]
    public void Russian_readiness_to_do_a_named_thing_is_an_offer_without_words_of_joint_action(string sentence) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().Cue.ShouldBe("proposal.ready");

    [Theory]
    [InlineData("Мы готовы к любым неожиданностям.")]
    [InlineData("Всё уже готово.")]
    public void Russian_readiness_without_an_action_or_words_of_joint_action_is_not_an_offer(string sentence) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldBeEmpty();

    [Theory]
    [InlineData("В прошлом году товарооборот вырос на 20 процентов.")]
    [InlineData("Делегация посетила тракторный завод и музей.")]
    [InlineData("Область закупает белорусские автобусы уже много лет.")]
    [InlineData("Эта продукция производится в области и продаётся в Беларуси.")]
    [InlineData("Спасибо вам за тёплый приём и поздравляю с праздником.")]
    public void Russian_past_facts_and_courtesies_are_not_candidates(string sentence) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldBeEmpty();

    /// <summary>
    /// ADR 0111: a news item's background («Напомним, …», "Earlier, …") reports what was said before, not what this
    /// meeting undertook; the same sentence without its opening is a proposal, and a sentence naming agreements reached
    /// earlier («Ранее достигнутые договорённости…», "Previously agreed projects…") still is.
    /// </summary>
    [Theory]
    [InlineData("Напомним, ", "Россия планирует заменить этими самолётами импортные машины.")]
    [InlineData("Ранее ", "Лукашенко потребовал по-военному решать вопрос с заготовкой картофеля.")]
    [InlineData("Как сообщалось, ", "стороны договорились открыть торговый дом в Казани.")]
    [InlineData("Earlier, ", "the President instructed the government to prepare the harvest campaign.")]
    [InlineData("As reported earlier, ", "Belarus is ready to supply buses and trams to the region.")]
    [InlineData("It will be recalled that ", "the sides agreed to open a trade house in Kazan.")]
    public void A_news_items_background_is_not_what_the_meeting_undertook(string background, string sentence)
    {
        var said = char.ToUpperInvariant(sentence[0]) + sentence[1..];
        Extractor.Extract(Request(said), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldNotBeEmpty(said);
        Extractor.Extract(Request(background + sentence), Ct).Candidates.ShouldBeEmpty(background + sentence);
    }

    [Theory]
    [InlineData("Ранее достигнутые договорённости будут выполнены в срок.")]
    [InlineData("Previously agreed projects will be implemented by the end of the year.")]
    public void Agreements_reached_earlier_are_still_undertakings(string sentence) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldNotBeEmpty();

    [Fact]
    public void We_is_the_speakers_side_and_the_counterpart_is_the_other_side()
    {
        var candidate = Extract("We are ready to supply tractors to your farms.").ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["BY"]);
        candidate.Counterparts.ShouldBe(["RU-SVE"]);
    }

    [Fact]
    public void A_named_party_leads_its_own_undertaking_and_the_speaker_is_its_counterpart()
    {
        var candidate = Extract("Свердловская область готова закупать белорусские автобусы.").ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["RU-SVE"]);
        candidate.Counterparts.ShouldBe(["BY"]);
    }

    /// <summary>
    /// A passage naming Russia's head of state or the Union State's bodies is between the states: with a region at the
    /// meeting, the counterpart is Russia (ADR 0123). Without them it stays the region.
    /// </summary>
    [Theory]
    [InlineData("Tomorrow Vladimir Vladimirovich and I will hold serious negotiations on serious problems.", "RU")]
    [InlineData("We will hold the session of the Supreme State Council on 4 November.", "RU")]
    [InlineData("Завтра мы с Владимиром Владимировичем проведём серьёзные переговоры.", "RU")]
    [InlineData("We will hold the session of the joint working group on 4 November.", "RU-SVE")]
    public void Russias_head_of_state_or_the_union_makes_russia_the_counterpart(string sentence, string counterpart)
    {
        var candidate = Extract(sentence).ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["BY"]);
        candidate.Counterparts.ShouldBe([counterpart]);
    }

    /// <summary>
    /// "X can count on Belarus" is Belarus's pledge to X: whoever is counted on leads, for the side that counts on it
    /// (ADR 0114), in both languages, whether the subject names the other side or addresses it.
    /// </summary>
    [Theory]
    [InlineData("Sverdlovsk Oblast can always count on Belarus in the reform of agriculture.")]
    [InlineData("В Свердловской области могут рассчитывать на Беларусь, если увидят что-то необходимое для развития.")]
    [InlineData("Свердловская область может рассчитывать на нас в этом вопросе.")]
    public void Who_is_counted_on_leads_the_pledge(string sentence)
    {
        var candidate = Extract(sentence).ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["BY"]);
        candidate.Counterparts.ShouldBe(["RU-SVE"]);
        candidate.Kind.ShouldBe(CommitmentKind.Pledge);
    }

    [Theory]
    [InlineData("Governor of Sverdlovsk Oblast Yevgeny Kuivashev met the President in Minsk. Yevgeny Kuivashev invited Belarusian companies to take part in the Innoprom exhibition.")]
    [InlineData("Sverdlovsk Oblast Governor Yevgeny Kuivashev met the President. Kuivashev invited Belarusian companies to take part in the Innoprom exhibition.")]
    [InlineData("Yevgeny Kuivashev, Governor of Sverdlovsk Oblast, met the President. Kuivashev invited Belarusian companies to take part in the Innoprom exhibition.")]
    [InlineData("Russia's Yevgeny Kuivashev, Governor of Sverdlovsk Oblast, met the President. Kuivashev invited Belarusian companies to take part in the Innoprom exhibition.")]
    [InlineData("Губернатор Свердловской области Евгений Куйвашев встретился с Президентом. Куйвашев пригласил белорусские компании принять участие в выставке «Иннопром».")]
    [InlineData("Президент встретился с губернатором Свердловской области Евгением Куйвашевым. Куйвашев пригласил белорусские компании принять участие в выставке «Иннопром».")]
    public void A_person_the_record_introduced_with_a_party_leads_for_it(string text)
    {
        var candidate = Extract(text).ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["RU-SVE"]);
        candidate.Counterparts.ShouldBe(["BY"]);
    }

    [Theory]
    [InlineData("Belarus and Venezuela's Vice President Delcy Rodriguez met. The President invited Belarusian companies to take part in the Innoprom exhibition.")]
    [InlineData("Minsk Tractor Works was founded long ago. The Tractor Works invited companies to take part in the Innoprom exhibition.")]
    [InlineData("Губернатор Свердловской области Евгений Куйвашев прибыл в Минск. Лукашенко и Куйвашев пригласили белорусские компании принять участие в выставке «Иннопром».")]
    [InlineData("Yevgeny Kuivashev invited Belarusian companies to take part in the Innoprom exhibition.")]
    public void An_office_a_body_two_people_together_or_a_stranger_are_not_a_person_of_a_party(string text) =>
        Extract(text).ShouldHaveSingleItem().Lead.ShouldBe(["BY"]);

    [Theory]
    [InlineData("We are ready to supply buses to Russia's Sverdlovsk Oblast.")]
    [InlineData("Мы готовы поставлять автобусы в Свердловскую область России.")]
    public void A_region_named_with_its_state_is_the_counterpart_not_the_state(string sentence)
    {
        var candidate = Extract(sentence).ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["BY"]);
        candidate.Counterparts.ShouldBe(["RU-SVE"]);
    }

    [Theory]
    [InlineData("The region will purchase one hundred buses from Belarus.")]
    [InlineData("Губернатор отметил, что область закупит белорусские трактора.")]
    public void The_region_or_the_governor_acting_is_the_other_side(string sentence)
    {
        var candidate = Extract(sentence).ShouldHaveSingleItem();

        candidate.Lead.ShouldBe(["RU-SVE"]);
        candidate.Counterparts.ShouldBe(["BY"]);
    }

    [Theory]
    [InlineData("The Forum of Regions is an example of the economic restart that the presidents have agreed on recently in Sochi.")]
    [InlineData("The presidents are confident that mutually beneficial cooperation should be based on regional interaction.")]
    public void Agreements_looked_back_on_and_principles_are_not_candidates(string sentence) =>
        Extract(sentence).ShouldBeEmpty();

    [Fact]
    public void Names_match_in_any_case_of_either_language()
    {
        var candidate = Extract("Мы готовы развивать сотрудничество со Свердловской областью и с МАЗом.").ShouldHaveSingleItem();

        candidate.MentionedParties.ShouldBe(["RU-SVE", "MAZ"], ignoreOrder: true);
    }

    [Fact]
    public void An_instruction_goes_to_the_body_it_names_or_to_the_speakers_government()
    {
        Extract("The President instructed the government to open a trade mission in Yekaterinburg.").ShouldHaveSingleItem().Lead.ShouldBe(["BY-GOV"]);
        Extract("The Ministry of Foreign Affairs has been tasked with preparing the visit to Sverdlovsk Oblast.").ShouldHaveSingleItem().Lead.ShouldBe(["BY-MFA"]);

        // ADR 0120: the government named before a passive instruction's verb.
        Extract("Правительству поручено до конца года подписать соглашение.").ShouldHaveSingleItem().Lead.ShouldBe(["BY-GOV"]);
    }

    [Fact]
    public void Due_phrase_and_amounts_are_read_from_the_candidate_sentence()
    {
        const string text = "We will increase mutual trade to $1.2 billion by the end of next year.";

        var candidate = Extract(text).ShouldHaveSingleItem();

        candidate.Kind.ShouldBe(CommitmentKind.TradeTarget);
        candidate.DuePhrase.ShouldBe("by the end of next year");
        var amount = candidate.Amounts.ShouldHaveSingleItem();
        amount.Value.ShouldBe(1_200_000_000m);
        amount.Currency.ShouldBe("USD");
        text[amount.Start..amount.End].ShouldBe(amount.Text);
    }

    /// <summary>A part of a year is read whole, not as its year: "early 2025" is its first third, not all of 2025 (ADR 0090).</summary>
    [Theory]
    [InlineData("We will open a service centre in the region in early 2025.", "early 2025")]
    [InlineData("We will open a service centre in the region by the middle of next year.", "by the middle of next year")]
    [InlineData("We will open a service centre in the region later this year.", "later this year")]
    [InlineData("Мы откроем сервисный центр в области в начале 2025 года.", "начале 2025 года")]
    [InlineData("Мы откроем сервисный центр в области до середины следующего года.", "до середины следующего года")]
    [InlineData("Мы откроем сервисный центр в области к началу мая.", "к началу мая")]
    public void A_part_of_a_year_is_read_as_the_due_phrase(string sentence, string phrase)
    {
        Extract(sentence).ShouldHaveSingleItem().DuePhrase.ShouldBe(phrase);
    }

    [Fact]
    public void The_meeting_day_in_a_dateline_is_not_a_due_date()
    {
        var candidate = Extract("MINSK, 12 March (BelTA) – Belarus is ready to supply buses to Sverdlovsk Oblast, the President said on 12 March.").ShouldHaveSingleItem();

        candidate.DuePhrase.ShouldBeNull();
    }

    [Fact]
    public void A_bare_figure_takes_the_currency_named_before_it_in_the_paragraph()
    {
        var candidate = Extract("Trade reached $700 million last year. We should strive for the billion.").ShouldHaveSingleItem();

        candidate.Amounts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Value.ShouldBe(1_000_000_000m),
            a => a.Currency.ShouldBe("USD"));
    }

    /// <summary>An event is named by its subject: the title is the clause, not what follows a verb in it (decision 0079).</summary>
    [Theory]
    [InlineData("«Дни культуры Беларуси пройдут в Свердловской области осенью», — сказал Президент.", "Дни культуры Беларуси пройдут в Свердловской области осенью")]
    [InlineData("The seventh forum will take place in autumn in Minsk.", "The seventh forum will take place in autumn in Minsk")]
    public void An_event_title_keeps_the_event(string sentence, string title) =>
        Extractor.Extract(Request(sentence), Ct).Candidates.ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);

    /// <summary>"The same amount" is the sum the paragraph named last, cited where the sentence points back at it (decision 0082).</summary>
    [Theory]
    [InlineData("Last year the trade reached nearly $270 million. These are enormous figures. We are going to have the same amount of trade this year.", "the same amount", 270_000_000, "USD")]
    [InlineData("В прошлом году товарооборот составил 300 млн долларов. В этом году мы сохраним товарооборот на том же уровне.", "на том же уровне", 300_000_000, "USD")]
    public void A_sentence_that_points_back_at_a_sum_carries_it(string text, string written, long value, string currency)
    {
        var candidate = Extractor.Extract(Request(text), Ct).Candidates.ShouldHaveSingleItem();

        candidate.Kind.ShouldBe(CommitmentKind.TradeTarget);
        candidate.Amounts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Value.ShouldBe(value),
            a => a.Currency.ShouldBe(currency),
            a => a.Text.ShouldBe(written),
            a => text[a.Start..a.End].ShouldBe(written));
    }

    [Fact]
    public void The_same_amount_in_a_new_paragraph_points_at_nothing()
    {
        var candidate = Extract("Last year the trade reached $270 million.\n\nWe are going to have the same amount of trade this year.").ShouldHaveSingleItem();

        candidate.Amounts.ShouldBeEmpty();
    }

    [Fact]
    public void Russian_amounts_read_decimal_commas_and_scale_words()
    {
        var candidate = Extractor.Extract(Request("Мы готовы нарастить товарооборот до 1,5 млрд долларов."), Ct).Candidates.ShouldHaveSingleItem();

        candidate.Amounts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Value.ShouldBe(1_500_000_000m),
            a => a.Currency.ShouldBe("USD"));
    }

    [Fact]
    public void The_same_undertaking_said_twice_is_one_proposal_citing_both_passages()
    {
        const string text = "Belarus is ready to supply passenger buses and trams to Sverdlovsk Oblast, the President said.\n"
            + "“We are ready to supply passenger buses and trams to your cities,” Aleksandr Lukashenko said.";

        var candidate = Extract(text).ShouldHaveSingleItem();

        candidate.Spans.Count.ShouldBe(2);
        candidate.Spans.ShouldAllBe(s => text.Substring(s.Start, s.End - s.Start) == s.Quote);
        candidate.Spans[0].Start.ShouldBeLessThan(candidate.Spans[1].Start);
    }

    // ADR 0104: "also" after the subject opens a further item, as "Besides" at the start does.
    [Theory]
    [InlineData("The President instructed the government to finish the sowing in the Shklov district by October.\nHe also demanded to restore order in the agriculture of the Shklov district.")]
    [InlineData("Президент поручил правительству завершить сев в Шкловском районе к октябрю.\nОн также потребовал навести порядок в агросекторе Шкловского района.")]
    public void An_instruction_given_also_is_a_further_instruction(string text)
    {
        var candidates = Extract(text);

        candidates.Count.ShouldBe(2);
        candidates.ShouldAllBe(c => c.Spans.Count == 1 && c.Kind == CommitmentKind.Instruction);
    }

    [Fact]
    public void Two_undertakings_joined_in_one_sentence_are_two_proposals()
    {
        var candidates = Extract("We are ready to supply tractors to your farms, while the task for next year is to open a service centre in Yekaterinburg.");

        candidates.Count.ShouldBe(2);
        candidates.ShouldAllBe(c => c.Spans.Count == 1);
    }

    [Fact]
    public void Titles_start_with_the_action_and_stay_short()
    {
        var candidate = Extract("I propose to open a joint trading house in Minsk, as we discussed.").ShouldHaveSingleItem();

        candidate.SuggestedTitle.ShouldBe("Open a joint trading house in Minsk");
    }

    [Theory]
    [InlineData("“We are ready to supply buses to the region,” the head of state said.", "Supply buses to the region")]
    [InlineData("“We can do that,” the President said.", "We can do that")]
    [InlineData("In particular, we are ready to build houses in the region, the Belarusian leader stressed.", "Build houses in the region")]
    [InlineData("Belarus is ready to supply road machinery to the oblast, Aleksandr Lukashenko said as he met with the Governor of Kaluga Oblast on 3 March.", "Supply road machinery to the oblast")]
    [InlineData("We are ready to build a plant for assembling tractors and combine harvesters near the regional centre as he met with the Governor of Kaluga Oblast.", "Build a plant for assembling tractors and combine harvesters near the regional centre")]
    [InlineData("«Мы готовы поставлять автобусы в регион», — сказал Лукашенко.", "Поставлять автобусы в регион")]
    [InlineData("«Готовы помочь», — сказал Лукашенко.", "Готовы помочь")]
    [InlineData("В частности, мы готовы строить жильё в области, подчеркнул Президент.", "Строить жильё в области")]
    [InlineData("Беларусь готова строить жильё в регионе на встрече с губернатором Калужской области.", "Строить жильё в регионе")]
    public void Titles_leave_out_who_said_the_words_and_the_meeting_that_frames_them(string sentence, string title)
    {
        Extract(sentence).ShouldHaveSingleItem().SuggestedTitle.ShouldBe(title);
    }

    [Fact]
    public void A_record_in_a_language_without_rules_yields_its_language_and_no_proposals()
    {
        var result = Extractor.Extract(Request("Мы гатовыя пастаўляць вам аўтобусы і тралейбусы ў наступным годзе, і ўсё будзе выканана."), Ct);

        result.Language.IsSupported.ShouldBeFalse();
        result.Language.Code.ShouldBe("be");
        result.Candidates.ShouldBeEmpty();
    }

    [Fact]
    public void Growth_without_an_object_after_trade_talk_is_a_trade_target()
    {
        const string text = "Our trade reached $700 million last year. That is not our level. We can grow, and we are striving for this.";

        var candidate = Extract(text).ShouldHaveSingleItem();

        candidate.Cue.ShouldBe("target.implied");
        candidate.Kind.ShouldBe(CommitmentKind.TradeTarget);
        candidate.Quote.ShouldStartWith("We can grow");
        // Without trade talk before it the rule stays silent (the English sentence model, retrained in ADR 0037,
        // scores the bare sentence 0.41 and proposes it on its own, under its own cue).
        Extractor.Extract(Request("We can grow, and we are striving for this."), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();
    }

    [Fact]
    public void In_a_meeting_with_its_own_government_a_wish_is_an_instruction_and_a_foreign_party_named_is_the_counterpart()
    {
        const string text = "I would like us to pay attention to this first of all. The heads of state agreed that a government delegation would visit Russia shortly.";

        var candidates = Extractor.Extract(Request(text) with { OtherSides = ["BY-GOV"] }, Ct).Candidates;

        candidates.Count.ShouldBe(2);
        candidates[0].Cue.ShouldBe("proposal.wish");
        candidates[0].Kind.ShouldBe(CommitmentKind.Instruction);
        candidates[0].Modality.ShouldBe(Modality.Tentative);
        candidates[0].Counterparts.ShouldBeEmpty();
        candidates[1].Cue.ShouldBe("decision.agreed");
        candidates[1].Kind.ShouldBe(CommitmentKind.Cooperation);
        candidates[1].Counterparts.ShouldBe(["RU"]);
    }

    /// <summary>
    /// ADR 0054: a question or a congratulation is never a commitment (the rules' own test), and the sentence model,
    /// which proposes on its own in English, heeds that test too: without it these sentences score over its threshold.
    /// </summary>
    [Theory]
    [InlineData("Will we be able to supply tractors and buses to your region next year?")]
    [InlineData("Can we count on you to build the new plant together with us?")]
    [InlineData("I would like to congratulate you on your re-election, and I am sure we will work together.")]
    public void The_model_proposes_nothing_the_rules_hold_is_never_a_commitment(string text)
    {
        Extractor.Extract(Request(text), ExtractionDesign.Shipped with { ModelHeedsNotACommitment = false }, Ct).Candidates.ShouldNotBeEmpty();
        Extractor.Extract(Request(text), ExtractionDesign.Shipped, Ct).Candidates.ShouldBeEmpty();
    }

    /// <summary>
    /// ADR 0056: a sentence no rule fired on, which the model scores over its threshold, is not proposed when no
    /// auxiliary in it has a party acting as its subject: the visit, "it", "this" or "which" will do or can be
    /// something, which is a prediction about the world, not an undertaking.
    /// </summary>
    [Theory]
    [InlineData("Therefore, we hope that your visit will give a strong impetus to the development of bilateral cooperation.")]
    [InlineData("God willing, it will continue to be like this.")]
    [InlineData("Mr. Khasikov also commented on the Kalmyk experience in the agro-industrial complex, which can be useful to Belarus.")]
    public void No_auxiliary_with_a_party_acting_fails_the_subject_test(string text)
    {
        Extractor.SubjectActs(text, EnglishRules.Instance, new Parties.PartyMatcher(Parties), SubjectTest.Actor).ShouldBeFalse();
    }

    [Theory]
    [InlineData("It will continue to be like this.", false)]
    [InlineData("The potential will grow.", true)]
    [InlineData("Your visit is important.", true)]
    public void The_impersonal_test_stops_only_pronouns_and_a_sentence_without_an_auxiliary_passes(string text, bool passes) =>
        Extractor.SubjectActs(text, EnglishRules.Instance, new Parties.PartyMatcher(Parties), SubjectTest.Impersonal).ShouldBe(passes);

    /// <summary>ADR 0056: the subject test keeps a party, the speaker, the addressee, a passive and "there will be".</summary>
    [Theory]
    [InlineData("We hope that your companies will take part in the exhibition in Minsk.", "your companies")]
    [InlineData("Belarusian tractors and buses will be supplied to the region next year.", "Belarusian tractors and buses")]
    [InlineData("I think that Sverdlovsk Oblast can buy more of our machinery.", "Sverdlovsk Oblast")]
    public void The_subject_test_reads_the_subject_of_each_auxiliary(string text, string subject)
    {
        CueFinder.AuxiliarySubjects(text, EnglishRules.Instance).Select(s => s.Subject).ShouldContain(subject);
        Extractor.SubjectActs(text, EnglishRules.Instance, new Parties.PartyMatcher(Parties), SubjectTest.Actor).ShouldBeTrue();
    }

    [Theory]
    [InlineData("There will be a forum in Minsk in autumn.")]
    [InlineData("I hope it will be so, and we will lay a strong foundation for our cooperation.")]
    public void There_will_be_and_one_acting_clause_of_several_pass(string text) =>
        Extractor.SubjectActs(text, EnglishRules.Instance, new Parties.PartyMatcher(Parties), SubjectTest.Actor).ShouldBeTrue();

    [Fact]
    public void A_passive_after_the_auxiliary_is_read_and_Russian_has_no_auxiliary_subjects()
    {
        CueFinder.AuxiliarySubjects("The equipment will be supplied in autumn.", EnglishRules.Instance).ShouldHaveSingleItem().ShouldBe(("The equipment", true));
        CueFinder.AuxiliarySubjects("Your visit will give an impetus.", EnglishRules.Instance).ShouldHaveSingleItem().ShouldBe(("Your visit", false));
        CueFinder.AuxiliarySubjects("Мы будем поставлять технику.", RussianRules.Instance).ShouldBeEmpty();
    }

    /// <summary>
    /// ADR 0045: a headline that the body restates in other words shares little but the matter itself ("tractors")
    /// once the sides' names are left out; with the headline topic merge it becomes one proposal citing both passages.
    /// </summary>
    [Fact]
    public void A_headline_restated_in_other_words_by_the_body_is_one_proposal_citing_both()
    {
        const string text = "Belarus is ready to supply tractors to Sverdlovsk Oblast\n\nWe are ready to build an assembly plant for tractors in your region.";
        var merging = ExtractionDesign.RulesAlone with { TopicMerges = new Dictionary<string, TopicMerge>(StringComparer.Ordinal) { ["en"] = ExtractionDesign.HeadlineTopicMerge } };

        Extractor.Extract(Request(text), ExtractionDesign.RulesAlone, Ct).Candidates.Count.ShouldBe(2);
        var merged = Extractor.Extract(Request(text), merging, Ct).Candidates.ShouldHaveSingleItem();

        merged.Spans.Select(s => s.Quote).ShouldBe(["Belarus is ready to supply tractors to Sverdlovsk Oblast", "We are ready to build an assembly plant for tractors in your region."]);
        merged.Lead.ShouldBe(["BY"]);
        merged.Counterparts.ShouldBe(["RU-SVE"]);
    }

    /// <summary>
    /// ADR 0112: a passage that adds an item ("also", «также», "Besides") is not the headline restated nor the last
    /// passage said again, however many words it shares with them; with a word that says it again ("reaffirmed") it is.
    /// </summary>
    [Fact]
    public void A_passage_that_adds_an_item_is_a_proposal_of_its_own()
    {
        const string headline = "Belarus is ready to supply tractors to Sverdlovsk Oblast\n\nWe are also ready to build an assembly plant for tractors in your region.";
        var merging = ExtractionDesign.RulesAlone with { TopicMerges = new Dictionary<string, TopicMerge>(StringComparer.Ordinal) { ["en"] = ExtractionDesign.HeadlineTopicMerge } };
        Extractor.Extract(Request(headline), merging, Ct).Candidates.Count.ShouldBe(2);

        Extract("Belarus is ready to cooperate with Sverdlovsk Oblast in industry. Belarus is also ready to cooperate with Sverdlovsk Oblast in research.")
            .Count.ShouldBe(2);
        Extract("Беларусь готова сотрудничать со Свердловской областью в промышленности. Беларусь также готова сотрудничать со Свердловской областью в науке.")
            .Count.ShouldBe(2);

        var again = Extract("Belarus is ready to supply oil extraction equipment to Sverdlovsk Oblast. The President also reaffirmed that Belarus is ready to supply oil extraction equipment.")
            .ShouldHaveSingleItem();
        again.Spans.Count.ShouldBe(2);
    }

    /// <summary>
    /// ADR 0122: the very next sentence that details the undertaking ("In particular", «Например») or takes it up as
    /// "it"/"them" is the same proposal, citing both sentences; a next sentence that merely goes on, or adds an item, is
    /// a proposal of its own.
    /// </summary>
    [Theory]
    [InlineData("We are ready to help Sverdlovsk Oblast renew its equipment. In particular, we can supply buses and trams to the region.", 1)]
    [InlineData("We should look at our road map with Sverdlovsk Oblast again. I think we will do it in the near future.", 1)]
    [InlineData("Мы готовы помочь Свердловской области обновить технику. Например, мы можем поставить в регион автобусы и трамваи.", 1)]
    [InlineData("We are ready to help Sverdlovsk Oblast renew its equipment. We can supply buses and trams to the region.", 2)]
    [InlineData("We are ready to help Sverdlovsk Oblast renew its equipment. We are also ready to supply buses and trams to the region.", 2)]
    public void A_next_sentence_that_details_the_undertaking_is_the_same_proposal(string text, int proposals)
    {
        var candidates = Extract(text);
        candidates.Count.ShouldBe(proposals);
        candidates.SelectMany(c => c.Spans).Count().ShouldBe(2);
    }

    [Fact]
    public void A_headline_about_the_other_side_acting_stays_apart_from_the_speakers_offer()
    {
        const string text = "Sverdlovsk Oblast will buy tractors in Belarus\n\nWe are ready to build an assembly plant for tractors in your region.";
        var merging = ExtractionDesign.RulesAlone with { TopicMerges = new Dictionary<string, TopicMerge>(StringComparer.Ordinal) { ["en"] = ExtractionDesign.HeadlineTopicMerge } };

        var candidates = Extractor.Extract(Request(text), merging, Ct).Candidates;

        candidates.Count.ShouldBe(2);
        candidates.Select(c => c.Lead[0]).ShouldBe(["RU-SVE", "BY"]);
    }

    /// <summary>ADR 0045: "you can…" said to the guest is the speaker's offer, so the speaker's side leads.</summary>
    [Fact]
    public void You_can_said_to_the_guest_is_the_speakers_offer()
    {
        const string text = "You can buy tractors for your farms from our plants.";
        var offers = ExtractionDesign.RulesAlone with { OffersToTheAddressee = new HashSet<string>(["en"], StringComparer.Ordinal) };

        Extractor.Extract(Request(text), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldHaveSingleItem().Lead.ShouldBe(["RU-SVE"]);
        var offer = Extractor.Extract(Request(text), offers, Ct).Candidates.ShouldHaveSingleItem();

        offer.Lead.ShouldBe(["BY"]);
        offer.Counterparts.ShouldBe(["RU-SVE"]);
    }

    [Fact]
    public void An_extraction_cancelled_before_it_starts_reads_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => Extractor.Extract(Request("We will deliver the first batch of combines to your farmers."), cancelled.Token));
    }

    /// <summary>The token reaches the embedding, where a long English record spends its time, and stops it between batches.</summary>
    [Fact]
    public void An_extraction_cancelled_while_it_embeds_stops_there()
    {
        using var leaving = new CancellationTokenSource();
        var design = ExtractionDesign.Shipped with { Embedder = new CancelsFirst(leaving) };

        Should.Throw<OperationCanceledException>(() => Extractor.Extract(Request("Cooperation in education is developing well. Our universities exchange students."), design, leaving.Token));
    }

    [Fact]
    public void A_chosen_passage_no_rule_fires_on_is_read_as_a_proposal_citing_exactly_the_chosen_words()
    {
        const string text = "The talks lasted two hours. We need to reconcile our positions on the issues around us. Thank you.";
        var start = text.IndexOf("We need", StringComparison.Ordinal);
        var end = text.IndexOf(" Thank", StringComparison.Ordinal);
        Extractor.Extract(Request(text), ExtractionDesign.RulesAlone, Ct).Candidates.ShouldBeEmpty();

        var read = Extractor.ReadPassage(Request(text), start, end, Ct).ShouldNotBeNull();

        read.Spans.ShouldHaveSingleItem().ShouldBe(new CandidateSpan(start, end, text[start..end]));
        read.Cue.ShouldBe(Extractor.ChosenCue);
        read.Language.ShouldBe("en");
        read.SuggestedTitle.ShouldNotBeNullOrWhiteSpace();
        read.Confidence.ShouldBe(1);
    }

    [Fact]
    public void A_chosen_passage_of_two_sentences_takes_its_rules_reading_and_the_due_phrase_of_the_second()
    {
        const string text = "We are ready to supply buses to Sverdlovsk Oblast. The first ones could arrive in spring 2026.";

        var read = Extractor.ReadPassage(Request(text), 0, text.Length, Ct).ShouldNotBeNull();

        read.Cue.ShouldBe($"{Extractor.ChosenCue}; read by proposal.ready");
        read.Quote.ShouldBe(text);
        read.Kind.ShouldBe(CommitmentKind.Cooperation);
        read.Modality.ShouldBe(Modality.Tentative);
        read.Lead.ShouldBe(["BY"]);
        read.Counterparts.ShouldBe(["RU-SVE"]);
        read.DuePhrase.ShouldBe("spring 2026");
    }

    // A few words before a colon that announce what follows ("Next on the list:", «Главное:») are not the title; a
    // colon after the action ("готов посетить Тыву: …") still ends it.
    [Theory]
    [InlineData("Next on the list: opening a Belarusian trading house in Novosibirsk.", "Opening a Belarusian trading house in Novosibirsk")]
    [InlineData("Главное: открыть белорусский торговый дом в Екатеринбурге.", "Открыть белорусский торговый дом в Екатеринбурге")]
    [InlineData("The task is the following: our exports should not be lower than last year's.", "Our exports should not be lower than last year's")]
    [InlineData("Лукашенко готов посетить Свердловскую область: хотел бы увидеть её заводы.", "Посетить Свердловскую область")]
    public void A_chosen_passage_is_titled_by_what_a_colon_announces(string text, string title) =>
        Extractor.ReadPassage(Request(text), 0, text.Length, Ct).ShouldNotBeNull().SuggestedTitle.ShouldBe(title);

    // What is left after the cue may name nothing: a pointer back ("in this respect"), only a time, or a pronoun before
    // its verb («его развивать»); then the title is the sentence. A name an editor inserts in brackets does not end the
    // clause, nor does an abbreviation's dot, and an English relative clause between commas is left out; "assure you
    // that" and «в том, что» after a promise are no part of what is promised, and a comma after one or two words does
    // not end the title (ADR 0134).
    [Theory]
    [InlineData("You can count on us in this respect.", "You can count on us in this respect")]
    [InlineData("This target will be met in the near future.", "This target will be met in the near future")]
    [InlineData("Это хороший проект, мы готовы его развивать.", "Это хороший проект, мы готовы его развивать")]
    [InlineData("“Tomorrow Vladimir Vladimirovich [Putin] and I will hold serious negotiations on trade.", "Tomorrow Vladimir Vladimirovich [Putin] and I will hold serious negotiations on trade")]
    [InlineData("We want to bolster all our agreements which were made in 2017 [during the official visit], advance our relations.", "Bolster all our agreements which were made in 2017")]
    [InlineData("I want to assure you that Belarus will cooperate with St. Petersburg as closely as before.", "Belarus will cooperate with St. Petersburg as closely as before")]
    [InlineData("We will do everything to ensure that the farmers, who are our partners, receive the tractors on time.", "Ensure that the farmers receive the tractors on time")]
    [InlineData("И я хочу вас заверить в том, что все договорённости будут выполнены.", "Все договорённости будут выполнены")]
    [InlineData("Одним из первых таких проектов может стать белорусский торговый дом в Калуге.", "Белорусский торговый дом в Калуге")]
    [InlineData("Республика готова стать для Калужской области надёжным партнёром.", "Стать для Калужской области надёжным партнёром")]
    [InlineData("И я хочу вас заверить в том, что наше правительство, все мы будем над этим работать.", "Наше правительство, все мы будем над этим работать")]
    public void A_title_names_what_is_undertaken(string text, string title) =>
        Extractor.ReadPassage(Request(text), 0, text.Length, Ct).ShouldNotBeNull().SuggestedTitle.ShouldBe(title);

    [Fact]
    public void A_chosen_passage_in_a_language_the_extractor_does_not_read_gives_nothing()
    {
        const string text = "Wir werden die Zusammenarbeit im Bereich der Landwirtschaft im nächsten Jahr deutlich ausbauen und vertiefen.";

        Extractor.ReadPassage(Request(text), 0, text.Length, Ct).ShouldBeNull();
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 5)]
    [InlineData(0, 1000)]
    public void A_chosen_passage_outside_the_record_is_refused(int start, int end) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Extractor.ReadPassage(Request("We will deliver the buses next year."), start, end, Ct));

    [Fact]
    public void Sentences_worth_a_look_are_those_no_proposal_cites_that_the_model_scores_from_the_threshold()
    {
        var text = SeedFiles.ReadText("2023-09-19-krasnodar-territory.txt");
        var request = Request(text) with { OtherSides = ["RU-KDA"] };
        var proposals = Extractor.Extract(request, Ct);

        var suggested = Extractor.Suggest(request, Ct);

        suggested.ShouldNotBeEmpty();
        suggested.Select(s => s.Start).ShouldBeInOrder();
        foreach (var s in suggested)
        {
            s.Quote.ShouldBe(text[s.Start..s.End]);
            s.Score.ShouldBeGreaterThanOrEqualTo(Extractor.WorthALook);
            s.Reason.ShouldStartWith("model ");
            proposals.Candidates.SelectMany(c => c.Spans).Where(p => p.Start < s.End && s.Start < p.End).ShouldBeEmpty(s.Quote);
        }

        // The import's reading pays nothing for them.
        proposals.Suggestions.ShouldBeEmpty();
    }

    [Fact]
    public void A_russian_record_has_sentences_worth_a_look_though_the_model_proposes_nothing_there()
    {
        const string text = "Александр Лукашенко провёл переговоры с губернатором Свердловской области. "
            + "Лукашенко намерен построить в России морской порт. "
            + "Беларусь рассматривает партнёрство в экспорте товаров. "
            + "Погода в Минске была солнечной.";
        var request = Request(text) with { Language = "ru" };

        var suggested = Extractor.Suggest(request, Ct);
        var proposals = Extractor.Extract(request, Ct).Candidates;

        proposals.ShouldAllBe(c => !c.Cue.StartsWith("model ", StringComparison.Ordinal));
        suggested.ShouldNotBeEmpty();
        suggested.ShouldAllBe(s => s.Score >= Extractor.WorthALook && !proposals.Any(c => c.Start < s.End && s.Start < c.End));
        suggested.ShouldNotContain(s => s.Quote.Contains("Погода", StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_in_a_language_the_extractor_does_not_read_has_nothing_worth_a_look() =>
        Extractor.Suggest(Request("Wir werden die Zusammenarbeit im Bereich der Landwirtschaft im nächsten Jahr deutlich ausbauen und vertiefen."), Ct).ShouldBeEmpty();

    private sealed class CancelsFirst(CancellationTokenSource leaving) : ISentenceEmbedder
    {
        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
        {
            leaving.Cancel();
            return SentenceEmbedder.Shared.Embed(sentences, cancellationToken);
        }
    }

    private static ExtractionRequest Request(string text) => new()
    {
        Text = text,
        MeetingDate = Meeting,
        Parties = Parties,
        Speaker = "BY",
        OtherSides = ["RU-SVE"],
    };

    private static IReadOnlyList<Candidate> Extract(string text) => Extractor.Extract(Request(text)).Candidates;
}
