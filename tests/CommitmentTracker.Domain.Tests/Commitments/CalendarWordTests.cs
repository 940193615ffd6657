using System.Globalization;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

/// <summary>
/// Every entry of the parser's word tables (months, seasons, ordinals, counted units and numbers, and each Russian
/// rule) is read by a case here. The tables are static data: Stryker's MTP runner cannot switch their mutants on
/// (stryker-net#3742), so these cases are what shows that a wrong or missing entry fails a test.
/// </summary>
public class CalendarWordTests
{
    private static readonly DateOnly SpokenOn = new(2023, 10, 10);

    [Theory]
    [InlineData("15 Jan 2024", 1)]
    [InlineData("15 Feb 2024", 2)]
    [InlineData("15 Mar 2024", 3)]
    [InlineData("15 Apr 2024", 4)]
    [InlineData("15 May 2024", 5)]
    [InlineData("15 Jun 2024", 6)]
    [InlineData("15 Jul 2024", 7)]
    [InlineData("15 Aug 2024", 8)]
    [InlineData("15 Sep 2024", 9)]
    [InlineData("15 Sept 2024", 9)]
    [InlineData("15 Oct 2024", 10)]
    [InlineData("15 Nov 2024", 11)]
    [InlineData("15 Dec 2024", 12)]
    [InlineData("15 December 2024", 12)]
    public void Every_month_name_and_abbreviation_is_read(string phrase, int month)
    {
        var window = Parse(phrase);

        window.Precision.ShouldBe(DuePrecision.Day);
        window.Latest.ShouldBe(new DateOnly(2024, month, 15));
    }

    [Theory]
    [InlineData("spring 2024", "2024-03-01", "2024-05-31")]
    [InlineData("summer 2024", "2024-06-01", "2024-08-31")]
    [InlineData("autumn 2024", "2024-09-01", "2024-11-30")]
    [InlineData("fall 2024", "2024-09-01", "2024-11-30")]
    [InlineData("winter 2024", "2024-12-01", "2025-02-28")]
    public void Every_season_is_read(string phrase, string earliest, string latest)
    {
        var window = Parse(phrase);

        window.Precision.ShouldBe(DuePrecision.Season);
        (window.Earliest, window.Latest).ShouldBe((Day(earliest), Day(latest)));
    }

    [Theory]
    [InlineData("the first quarter of 2024", DuePrecision.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("the 1st quarter of 2024", DuePrecision.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("the second quarter of 2024", DuePrecision.Quarter, "2024-04-01", "2024-06-30")]
    [InlineData("the 2nd quarter of 2024", DuePrecision.Quarter, "2024-04-01", "2024-06-30")]
    [InlineData("the third quarter of 2024", DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("the 3rd quarter of 2024", DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("the fourth quarter of 2024", DuePrecision.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("the 4th quarter of 2024", DuePrecision.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("the last quarter of 2024", DuePrecision.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("the final quarter of 2024", DuePrecision.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("the latter half of 2024", DuePrecision.HalfYear, "2024-07-01", "2024-12-31")]
    [InlineData("the first half of 2024", DuePrecision.HalfYear, "2024-01-01", "2024-06-30")]
    public void Every_ordinal_is_read(string phrase, DuePrecision precision, string earliest, string latest)
    {
        var window = Parse(phrase);

        window.Precision.ShouldBe(precision);
        (window.Earliest, window.Latest).ShouldBe((Day(earliest), Day(latest)));
    }

    [Theory]
    [InlineData("within a year", DuePrecision.Year, "2024-10-10")]
    [InlineData("within an year", DuePrecision.Year, "2024-10-10")]
    [InlineData("within one month", DuePrecision.Month, "2023-11-10")]
    [InlineData("in two weeks", DuePrecision.Day, "2023-10-24")]
    [InlineData("in three days", DuePrecision.Day, "2023-10-13")]
    [InlineData("in four years", DuePrecision.Year, "2027-10-10")]
    [InlineData("in five months", DuePrecision.Month, "2024-03-10")]
    [InlineData("in six weeks", DuePrecision.Day, "2023-11-21")]
    [InlineData("in seven days", DuePrecision.Day, "2023-10-17")]
    [InlineData("in eight months", DuePrecision.Month, "2024-06-10")]
    [InlineData("in nine years", DuePrecision.Year, "2032-10-10")]
    [InlineData("in ten days", DuePrecision.Day, "2023-10-20")]
    public void Every_count_word_and_unit_is_read(string phrase, DuePrecision precision, string latest)
    {
        var window = Parse(phrase);

        window.Precision.ShouldBe(precision);
        (window.Earliest, window.Latest).ShouldBe((SpokenOn, Day(latest)));
    }

    [Theory]
    [InlineData("в ближайшее время", "the near future")]
    [InlineData("в среднесрочной перспективе", "the long term")]
    [InlineData("в ближайшие годы", "the coming years")]
    [InlineData("в ближайшие месяцы", "the coming months")]
    [InlineData("сегодня", "today")]
    [InlineData("завтра", "tomorrow")]
    [InlineData("послезавтра", "the day after tomorrow")]
    [InlineData("2024–2026 годы", "2024-2026")]
    [InlineData("в 2025 году", "in 2025")]
    [InlineData("в этом и следующем году", "in this year and next year")]
    [InlineData("в этом году", "in this year")]
    [InlineData("в следующем году", "in next year")]
    [InlineData("в этом месяце", "in this month")]
    [InlineData("в следующем месяце", "in next month")]
    [InlineData("на этой неделе", "in this week")]
    [InlineData("в этом квартале", "in this quarter")]
    [InlineData("в следующем квартале", "in next quarter")]
    [InlineData("в течение года", "within a year")]
    [InlineData("в течение месяца", "within a month")]
    [InlineData("на следующей неделе", "next week")]
    [InlineData("в начале марта", "in early March")]
    [InlineData("в середине мая", "in mid May")]
    [InlineData("до конца года", "by end of the year")]
    [InlineData("до конца месяца", "by end of the month")]
    [InlineData("к концу 2025 года", "by end of 2025")]
    [InlineData("в первом полугодии", "in first half")]
    [InlineData("во втором полугодии", "in second half")]
    [InlineData("в первом квартале", "in first quarter")]
    [InlineData("во втором квартале", "in second quarter")]
    [InlineData("в третьем квартале", "in third quarter")]
    [InlineData("в четвёртом квартале", "in fourth quarter")]
    [InlineData("весной", "spring")]
    [InlineData("летом", "summer")]
    [InlineData("осенью", "autumn")]
    [InlineData("зимой", "winter")]
    [InlineData("в январе", "in January")]
    [InlineData("в феврале", "in February")]
    [InlineData("в марте", "in March")]
    [InlineData("в апреле", "in April")]
    [InlineData("в мае", "in May")]
    [InlineData("в июне", "in June")]
    [InlineData("в июле", "in July")]
    [InlineData("в августе", "in August")]
    [InlineData("в сентябре", "in September")]
    [InlineData("в октябре", "in October")]
    [InlineData("в ноябре", "in November")]
    [InlineData("в декабре", "in December")]
    [InlineData("через одну неделю", "in one weeks")]
    [InlineData("через два года", "in two years")]
    [InlineData("через три месяца", "in three months")]
    [InlineData("через четыре недели", "in four weeks")]
    [InlineData("через пять дней", "in five days")]
    [InlineData("в течение шести месяцев", "within six months")]
    [InlineData("за семь дней", "within seven days")]
    [InlineData("через восемь лет", "in eight years")]
    [InlineData("через девять месяцев", "in nine months")]
    [InlineData("через десять лет", "in ten years")]
    [InlineData("не позднее 2025 года", "by 2025")]
    [InlineData("в первой половине 2025 года", "in first half 2025")]
    [InlineData("во второй половине года", "in second half of the year")]
    [InlineData("в третьем квартале года", "in third quarter of the year")]
    [InlineData("в 2024 и 2025 годах", "in 2024-2025")]
    [InlineData("с 2025 по 2027 год", "in 2025-2027")]
    [InlineData("до Нового года", "by new year")]
    [InlineData("в двухнедельный срок", "within two weeks")]
    [InlineData("в трёхмесячный срок", "within three months")]
    [InlineData("в пятилетний срок", "within five years")]
    [InlineData("в десятидневный срок", "within ten days")]
    [InlineData("в недельный срок", "within a week")]
    [InlineData("в месячный срок", "within a month")]
    [InlineData("в годичный срок", "within a year")]
    [InlineData("в начале 2025 года", "in early 2025")]
    [InlineData("в середине следующего года", "in mid next year")]
    [InlineData("в начале года", "in the beginning of the year")]
    [InlineData("в середине года", "in the middle of the year")]
    [InlineData("до конца недели", "by end of the week")]
    [InlineData("до конца квартала", "by end of the quarter")]
    [InlineData("в 3 квартале", "in Q3")]
    [InlineData("во 2-м полугодии", "in H2")]
    [InlineData("этой осенью", "this autumn")]
    [InlineData("будущей весной", "next spring")]
    [InlineData("через месяц", "in one months")]
    [InlineData("в ближайшие недели", "the coming weeks")]
    [InlineData("в ближайшие дни", "the coming days")]
    [InlineData("в новой пятилетке", "in new five-year period")]
    [InlineData("в следующей пятилетке", "in next five-year period")]
    [InlineData("в текущей пятилетке", "in this five-year period")]
    [InlineData("до конца пятилетки", "by end of five-year period")]
    [InlineData("через полгода", "in six months")]
    [InlineData("с 20 по 22 сентября", "in 20 to 22 September")]
    [InlineData("от 20 до 22 сентября", "from 20 to 22 September")]
    [InlineData("на этот год", "in this year")]
    [InlineData("на будущий год", "in next year")]
    public void Every_Russian_rule_gives_its_English_phrase(string russian, string english)
    {
        RussianDuePhrase.IsRussian(russian).ShouldBeTrue();
        RussianDuePhrase.ToEnglish(russian).ShouldBe(english);
    }

    [Fact]
    public void A_Russian_word_no_rule_reads_gives_no_phrase_and_no_text_is_not_a_phrase()
    {
        RussianDuePhrase.ToEnglish("на днях").ShouldBeNull();
        RussianDuePhrase.IsRussian("by 2025").ShouldBeFalse();
        RussianDuePhrase.ToEnglish("by 2025").ShouldBe("by 2025");
        Should.Throw<ArgumentNullException>(() => RussianDuePhrase.ToEnglish(null!));
    }

    private static DueWindow Parse(string phrase)
    {
        DueWindowParser.TryParse(phrase, SpokenOn, out var window, out var error).ShouldBeTrue(error);
        return window;
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
