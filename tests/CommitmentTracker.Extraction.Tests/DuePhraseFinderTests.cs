using CommitmentTracker.Extraction.Due;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests;

public class DuePhraseFinderTests
{
    private static readonly DateOnly Meeting = new(2025, 3, 12);

    [Theory]
    [InlineData("The forum will be held in autumn 2025 in Grodno.", "autumn 2025")]
    [InlineData("We will sign it in the near future.", "in the near future")]
    [InlineData("The plant will be built by the end of the year.", "by the end of the year")]
    [InlineData("Deliveries will start in October 2025.", "October 2025")]
    [InlineData("We will reach this figure next year.", "next year")]
    [InlineData("The hub will pay off in five years.", "in five years")]
    [InlineData("The line will be launched by 2027.", "by 2027")]
    [InlineData("In 2020 they tried; the new plant opens in spring 2026.", "spring 2026")]
    [InlineData("The hearings will take place in early April.", "early April")]
    [InlineData("The delegation will come in mid-May 2025.", "mid-May 2025")]
    public void Finds_the_first_phrase_the_parser_accepts(string sentence, string phrase) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBe(phrase);

    // Part of a month, a half or season of "the coming" year: the parser reads them, so the finder must offer them.
    [Theory]
    [InlineData("Хочу пригласить вас в Беларусь в первом полугодии будущего года.", "первом полугодии будущего года", 2026, 6, 30)]
    [InlineData("Делегация приедет в начале мая.", "начале мая", 2025, 5, 10)]
    [InlineData("Документы подпишем в конце июня.", "в конце июня", 2025, 6, 30)]
    [InlineData("Дни культуры пройдут осенью наступающего года.", "осенью наступающего года", 2026, 11, 30)]
    public void Finds_russian_parts_of_months_and_of_the_coming_year(string sentence, string phrase, int year, int month, int day)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, RussianRules.Instance);

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        window.Latest.ShouldBe(new DateOnly(year, month, day));
    }

    // «до конца первого квартала» is a deadline, not the quarter; «этой осенью» keeps its «этой» (ADR 0126).
    [Theory]
    [InlineData("Контракт будет подписан до конца первого квартала.", "до конца первого квартала", "2025-03-12", "2025-03-31")]
    [InlineData("Контракт будет подписан до конца второго полугодия.", "до конца второго полугодия", "2025-03-12", "2025-12-31")]
    [InlineData("Этой осенью мы откроем торговый дом.", "Этой осенью", "2025-09-01", "2025-11-30")]
    [InlineData("Следующей весной мы проведём Дни культуры.", "Следующей весной", "2026-03-01", "2026-05-31")]
    public void Finds_the_end_of_a_part_of_the_year_and_a_season_named_from_now(string sentence, string phrase, string earliest, string latest)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, RussianRules.Instance);

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        (window.Earliest, window.Latest).ShouldBe((DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)));
    }

    // A range of years keeps both ends, said in words too: from the meeting to the end of the next year (ADR 0033).
    [Theory]
    [InlineData("I think during this year and the next one we will reach that level.", "en", "this year and the next one")]
    [InlineData("We will finish the plant this and next year.", "en", "this and next year")]
    [InlineData("Мы выйдем на этот уровень в этом и следующем году.", "ru", "этом и следующем году")]
    public void A_year_and_the_next_keep_both_ends(string sentence, string language, string phrase)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language));

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        (window.Earliest, window.Latest).ShouldBe((Meeting, new DateOnly(2026, 12, 31)));
    }

    // ADR 0056: time-phrase grammar the genre uses — a quarter without its year, two years joined by "and", a range
    // of counts, "the next few years", "year-end", the end of a part of the year; Russian "в течение года", "половина",
    // "двух-трех лет", "ближайшие несколько лет". Each window as the corpus conventions resolve it (meeting 12 March 2025).
    [Theory]
    [InlineData("The forum will be held in the fourth quarter.", "en", "the fourth quarter", "2025-10-01", "2025-12-31")]
    [InlineData("We will implement the programme in 2025 and 2026.", "en", "2025 and 2026", "2025-01-01", "2026-12-31")]
    [InlineData("We will reach $1 billion within two to three years.", "en", "within two to three years", "2025-03-12", "2028-03-12")]
    [InlineData("We will reach $1 billion in the next few years.", "en", "in the next few years", "2025-03-12", null)]
    [InlineData("The contract will be signed before the year-end.", "en", "before the year-end", "2025-03-12", "2025-12-31")]
    [InlineData("The team will come by the end of the first half of the year.", "en", "by the end of the first half of the year", "2025-03-12", "2025-06-30")]
    [InlineData("The plant will be built in 2025.", "en", "2025", "2025-03-12", "2025-12-31")]
    [InlineData("Делегация приедет в течение года.", "ru", "в течение года", "2025-03-12", "2026-03-12")]
    [InlineData("Делегация приедет во второй половине года.", "ru", "второй половине года", "2025-07-01", "2025-12-31")]
    [InlineData("Выйдем на миллиард в течение двух-трех лет.", "ru", "в течение двух-трех лет", "2025-03-12", "2028-03-12")]
    [InlineData("Выйдем на миллиард в ближайшие несколько лет.", "ru", "в ближайшие несколько лет", "2025-03-12", null)]
    [InlineData("Программу реализуем в 2025 и 2026 годах.", "ru", "2025 и 2026 годах", "2025-01-01", "2026-12-31")]
    [InlineData("Завод построим в 2025 году.", "ru", "2025 году", "2025-03-12", "2025-12-31")]
    // ADR 0118: more of the grammar, written from how dates are said, not from a record: a range of days, a month of
    // next year, half a year, the coming days, a unit without a count after "через", a term in weeks, the end of a
    // season, the New Year after a deadline word, and Belarus's five-year periods (meeting 12 March 2025: 2021–2025).
    [InlineData("The forum will be held on 20-21 September in Minsk.", "en", "20-21 September", "2025-09-20", "2025-09-21")]
    [InlineData("The forum will take place from 20 to 22 May.", "en", "20 to 22 May", "2025-05-20", "2025-05-22")]
    [InlineData("The fair will open on September 20-22, 2026.", "en", "September 20-22, 2026", "2026-09-20", "2026-09-22")]
    [InlineData("A visit is planned for June next year.", "en", "June next year", "2026-06-01", "2026-06-30")]
    [InlineData("We will check the results in half a year.", "en", "in half a year", "2025-03-12", "2025-09-12")]
    [InlineData("The contract will be signed in the coming days.", "en", "in the coming days", "2025-03-12", null)]
    [InlineData("Harvesting should be finished by the end of summer.", "en", "by the end of summer", "2025-03-12", "2025-08-31")]
    [InlineData("The line will be launched by the New Year.", "en", "by the New Year", "2025-03-12", "2025-12-31")]
    [InlineData("We will double exports by the end of the five-year period.", "en", "by the end of the five-year period", "2025-03-12", "2025-12-31")]
    [InlineData("In the next five-year period we will double exports.", "en", "the next five-year period", "2026-01-01", "2030-12-31")]
    [InlineData("Форум пройдет 20–21 сентября в Минске.", "ru", "20–21 сентября", "2025-09-20", "2025-09-21")]
    [InlineData("Дни культуры пройдут 20–21 сентября следующего года.", "ru", "20–21 сентября следующего года", "2026-09-20", "2026-09-21")]
    [InlineData("The Days of Culture will be held on 20-21 September next year.", "en", "20-21 September next year", "2026-09-20", "2026-09-21")]
    [InlineData("Выставка пройдет с 20 по 22 мая.", "ru", "с 20 по 22 мая", "2025-05-20", "2025-05-22")]
    [InlineData("Дни культуры пройдут в сентябре-октябре.", "ru", "сентябре-октябре", "2025-09-01", "2025-10-31")]
    [InlineData("Визит планируется в июне следующего года.", "ru", "июне следующего года", "2026-06-01", "2026-06-30")]
    [InlineData("Через полгода проверим исполнение.", "ru", "Через полгода", "2025-03-12", "2025-09-12")]
    [InlineData("Через год проведём форум.", "ru", "Через год", "2025-03-12", "2026-03-12")]
    [InlineData("В двухнедельный срок доложить о результатах.", "ru", "В двухнедельный срок", "2025-03-12", "2025-03-26")]
    [InlineData("На следующей неделе эксперты обсудят проект.", "ru", "следующей неделе", "2025-03-17", "2025-03-23")]
    [InlineData("В нынешнем году мы должны нарастить экспорт.", "ru", "нынешнем году", "2025-03-12", "2025-12-31")]
    [InlineData("На будущий год запланирован форум.", "ru", "будущий год", "2026-01-01", "2026-12-31")]
    [InlineData("Уборку надо завершить до конца лета.", "ru", "до конца лета", "2025-03-12", "2025-08-31")]
    [InlineData("Предприятие заработает к Новому году.", "ru", "к Новому году", "2025-03-12", "2025-12-31")]
    [InlineData("Завод построят до конца пятилетки.", "ru", "до конца пятилетки", "2025-03-12", "2025-12-31")]
    [InlineData("В новой пятилетке нарастим объемы.", "ru", "новой пятилетке", "2026-01-01", "2030-12-31")]
    [InlineData("В ближайшие дни подпишем контракт.", "ru", "В ближайшие дни", "2025-03-12", null)]
    [InlineData("The forum will take place in late summer.", "en", "late summer", "2025-08-01", "2025-08-31")]
    [InlineData("В начале лета мы направим в область делегацию.", "ru", "начале лета", "2025-06-01", "2025-06-30")]
    [InlineData("We will continue this work in the new year.", "en", "the new year", "2026-01-01", "2026-12-31")]
    [InlineData("В новом году мы продолжим эту работу.", "ru", "новом году", "2026-01-01", "2026-12-31")]
    [InlineData("Летом 2026 года мы проведём Дни культуры.", "ru", "Летом 2026 года", "2026-06-01", "2026-08-31")]
    [InlineData("Завод будет построен к лету.", "ru", "к лету", "2025-03-12", "2025-08-31")]
    [InlineData("MINSK March (BelTA) – The plant should be finished by 7 November.", "en", "by 7 November", "2025-03-12", "2025-11-07")]
    [InlineData("И уже в ближайшее время, в 2026 году, мы сможем подписать соглашение.", "ru", "2026 году", "2026-01-01", "2026-12-31")]
    [InlineData("We will sign it soon, in 2026, during the visit.", "en", "2026", "2026-01-01", "2026-12-31")]
    [InlineData("We need to meet in the near future, maybe at the beginning of autumn.", "en", "in the near future", "2025-03-12", null)]
    public void Reads_the_genre_time_phrase_grammar(string sentence, string language, string phrase, string earliest, string? latest)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language));

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        window.Earliest.ShouldBe(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));
        window.Latest.ShouldBe(latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture));
    }

    // A five-year plan named as a subject, a past one, or a New Year's greeting is no due phrase.
    [Theory]
    [InlineData("A new five-year plan has begun, and the government will report annually.", "en")]
    [InlineData("In the previous five-year period we built three plants.", "en")]
    [InlineData("We wished them a happy New Year and will meet again.", "en")]
    [InlineData("We wished them a happy new year in the New Year's Eve broadcast and will meet again.", "en")]
    [InlineData("Началась новая пятилетка, и правительство будет отчитываться ежегодно.", "ru")]
    [InlineData("В прошлой пятилетке мы построили три завода.", "ru")]
    public void A_plan_named_as_a_subject_or_past_is_no_due_phrase(string sentence, string language) =>
        DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language)).ShouldBeNull();

    // ADR 0056: a dateline dates the report, whatever its day; a day without a year that has just passed dates a past
    // act ("on 10 March the presidents agreed"), not the same day a year on. A day still ahead, or a year given, stays.
    [Theory]
    [InlineData("MINSK, 13 March (BelTA) – Belarus is ready to supply buses to the region.", "en", null)]
    [InlineData("МИНСК, 13 марта – Sputnik. Беларусь готова поставлять автобусы.", "ru", null)]
    [InlineData("On 10 March the parties agreed to build a plant.", "en", null)]
    [InlineData("10 марта стороны договорились построить завод.", "ru", null)]
    [InlineData("The parties agreed to sign the plan on 20 March.", "en", "20 March")]
    [InlineData("The plan will be signed by 10 March 2026.", "en", "by 10 March 2026")]
    [InlineData("The delegation will come by 15 January.", "en", "by 15 January")]
    public void A_dateline_and_a_day_just_passed_are_no_due_phrase(string sentence, string language, string? phrase) =>
        DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language)).ShouldBe(phrase);

    [Theory]
    [InlineData("Last year trade fell and in 2020 it grew.")]
    [InlineData("We may see progress after 1.5-2 years of work.")]
    [InlineData("Everything will be done in time and in full.")]
    public void Past_or_vague_time_words_give_no_phrase(string sentence) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBeNull();

    // Issue 10's dev records (round 12): "the day after tomorrow" is a day; "today" before the cue is the due day when a
    // duty follows it ("today we must"), still not in "today we agreed"; Russian "на три года" is how long, not by when.
    [Theory]
    [InlineData("Rahmon will attend the closing ceremony the day after tomorrow.", "en", "attend", "the day after tomorrow", "2025-03-14", "2025-03-14")]
    [InlineData("Рахмон послезавтра посетит церемонию закрытия игр.", "ru", "посетит", "послезавтра", "2025-03-14", "2025-03-14")]
    [InlineData("Today we must give instructions, because not every mechanism is used.", "en", "give", "Today", "2025-03-12", "2025-03-12")]
    [InlineData("Но сегодня надо дать поручения, потому что не все механизмы задействованы.", "ru", "дать", "сегодня", "2025-03-12", "2025-03-12")]
    [InlineData("Готовится новый план действий, но не на два, а сразу на три года - 2024-2026 года.", "ru", "Готовится", "2024-2026", "2024-01-01", "2026-12-31")]
    // ADR 0130: a future act right after "today" is done today as a duty is.
    [InlineData("Today we will sign the agreement on cooperation.", "en", "sign", "Today", "2025-03-12", "2025-03-12")]
    [InlineData("The governor today will take part in the investment forum.", "en", "will", "today", "2025-03-12", "2025-03-12")]
    [InlineData("Сегодня мы подпишем соглашение о сотрудничестве.", "ru", "подпишем", "Сегодня", "2025-03-12", "2025-03-12")]
    [InlineData("Губернатор сегодня примет участие в инвестиционном форуме.", "ru", "примет", "сегодня", "2025-03-12", "2025-03-12")]
    public void Reads_the_day_after_tomorrow_a_duty_or_an_act_today_and_a_duration_as_none(string sentence, string language, string cue, string phrase, string earliest, string latest)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language), sentence.IndexOf(cue, StringComparison.Ordinal));

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        (window.Earliest, window.Latest).ShouldBe((DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Today we agreed to build the plant.", "en", "agreed")]
    [InlineData("Сегодня мы договорились построить завод.", "ru", "договорились")]
    [InlineData("Мы подписали договор на три года.", "ru", "подписали")]
    [InlineData("Today our trade is 100 million dollars, and we will double it.", "en", "will")]
    [InlineData("Сегодня товарооборот составляет 100 миллионов долларов, и мы его удвоим.", "ru", "удвоим")]
    public void Today_before_the_cue_without_a_duty_or_an_act_and_a_duration_are_no_due_phrase(string sentence, string language, string cue) =>
        DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language), sentence.IndexOf(cue, StringComparison.Ordinal)).ShouldBeNull();
}
