using System.Globalization;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class DueWindowParserTests
{
    // Both seed meetings: Krasnodar on 19 September 2023, Novosibirsk on 10 October 2023.
    private const string Krasnodar = "2023-09-19";
    private const string Novosibirsk = "2023-10-10";

    [Theory]
    // Time phrases in the seed texts, resolved against their meeting dates.
    [InlineData("autumn 2024", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    [InlineData("spring 2024", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("in the near future", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("In five years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2028-10-10")]
    [InlineData("this year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("September-October", Novosibirsk, DuePrecision.Month, "2023-09-01", "2023-10-31")]
    // Plain dates.
    [InlineData("2024-10-01", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("2024–10–01", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("1 October 2024", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("October 1, 2024", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("1 Oct 2024", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("1st of Oct. 2024", Novosibirsk, DuePrecision.Day, "2024-10-01", "2024-10-01")]
    [InlineData("10 October", Novosibirsk, DuePrecision.Day, "2023-10-10", "2023-10-10")]
    [InlineData("on 10 October", "2023-10-11", DuePrecision.Day, "2024-10-10", "2024-10-10")]
    [InlineData("the 1st of November", Novosibirsk, DuePrecision.Day, "2023-11-01", "2023-11-01")]
    [InlineData("29 February", "2023-03-01", DuePrecision.Day, "2024-02-29", "2024-02-29")]
    [InlineData("10 October next year", Novosibirsk, DuePrecision.Day, "2024-10-10", "2024-10-10")]
    [InlineData("by 1 December 2023", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-12-01")]
    // Months and month ranges.
    [InlineData("October 2024", Novosibirsk, DuePrecision.Month, "2024-10-01", "2024-10-31")]
    [InlineData("in October", Novosibirsk, DuePrecision.Month, "2023-10-01", "2023-10-31")]
    [InlineData("in September", Novosibirsk, DuePrecision.Month, "2024-09-01", "2024-09-30")]
    [InlineData("September–October 2024", Novosibirsk, DuePrecision.Month, "2024-09-01", "2024-10-31")]
    [InlineData("September — October", "2023-11-01", DuePrecision.Month, "2024-09-01", "2024-10-31")]
    [InlineData("November-February", "2024-01-15", DuePrecision.Month, "2023-11-01", "2024-02-29")]
    [InlineData("February next year", Novosibirsk, DuePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("next October", Novosibirsk, DuePrecision.Month, "2024-10-01", "2024-10-31")]
    [InlineData("by October 2024", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-10-31")]
    [InlineData("by the end of October", Novosibirsk, DuePrecision.Month, Novosibirsk, "2023-10-31")]
    // Quarters.
    [InlineData("Q3 2024", Novosibirsk, DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("third quarter of 2024", Novosibirsk, DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("the 3rd quarter of 2024", Novosibirsk, DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("in the first quarter", Novosibirsk, DuePrecision.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("in the fourth quarter", Novosibirsk, DuePrecision.Quarter, "2023-10-01", "2023-12-31")]
    [InlineData("the last quarter of 2024", Novosibirsk, DuePrecision.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("Q1 of next year", Novosibirsk, DuePrecision.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("next quarter", Novosibirsk, DuePrecision.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("this quarter", Novosibirsk, DuePrecision.Quarter, Novosibirsk, "2023-12-31")]
    [InlineData("by the end of Q1 2024", Novosibirsk, DuePrecision.Quarter, Novosibirsk, "2024-03-31")]
    // Seasons (meteorological, northern hemisphere).
    [InlineData("in spring 2024", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("in the autumn of 2024", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    [InlineData("fall 2024", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    [InlineData("summer 2024", Novosibirsk, DuePrecision.Season, "2024-06-01", "2024-08-31")]
    [InlineData("winter 2024", Novosibirsk, DuePrecision.Season, "2024-12-01", "2025-02-28")]
    [InlineData("this autumn", Novosibirsk, DuePrecision.Season, Novosibirsk, "2023-11-30")]
    [InlineData("next spring", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("next autumn", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    [InlineData("in autumn", Novosibirsk, DuePrecision.Season, "2023-09-01", "2023-11-30")]
    [InlineData("in summer", Novosibirsk, DuePrecision.Season, "2024-06-01", "2024-08-31")]
    [InlineData("in winter", Novosibirsk, DuePrecision.Season, "2023-12-01", "2024-02-29")]
    [InlineData("this winter", "2024-01-15", DuePrecision.Season, "2024-01-15", "2024-02-29")]
    // Half-years.
    [InlineData("first half of 2024", Novosibirsk, DuePrecision.HalfYear, "2024-01-01", "2024-06-30")]
    [InlineData("H1 2024", Novosibirsk, DuePrecision.HalfYear, "2024-01-01", "2024-06-30")]
    [InlineData("H2 2024", Novosibirsk, DuePrecision.HalfYear, "2024-07-01", "2024-12-31")]
    [InlineData("second half of the year", Novosibirsk, DuePrecision.HalfYear, "2023-07-01", "2023-12-31")]
    [InlineData("the first half of next year", Novosibirsk, DuePrecision.HalfYear, "2024-01-01", "2024-06-30")]
    // Years.
    [InlineData("2024", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("in 2024", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("during 2024", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    // The meeting's own year by its number is "this year": it opens on the meeting date (ADR 0056).
    [InlineData("2023", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("in 2023", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("в 2023 году", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("в 2022 году", "2022-06-02", DuePrecision.Year, "2022-06-02", "2022-12-31")]
    // "year-end" is the end of the year: a deadline after "by", its last month after "at" (ADR 0056).
    [InlineData("by year-end", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("before the year-end", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("at year end", Novosibirsk, DuePrecision.Month, "2023-12-01", "2023-12-31")]
    [InlineData("by 2025", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("no later than 2025", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("by the end of the year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("by the end of this year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("before the end of the year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("end of 2024", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    [InlineData("by the end of 2024", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    [InlineData("next year", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("until next year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    [InlineData("the year after next", Novosibirsk, DuePrecision.Year, "2025-01-01", "2025-12-31")]
    // Spans counted from the meeting.
    [InlineData("within 5 years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2028-10-10")]
    [InlineData("in two years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-10-10")]
    [InlineData("in ten years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2033-10-10")]
    [InlineData("in two years’ time", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-10-10")]
    [InlineData("over the next three years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2026-10-10")]
    [InlineData("within six months", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    [InlineData("in 3 months", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-01-10")]
    [InlineData("in 2 weeks", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-24")]
    [InlineData("in 10 days", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-20")]
    // A range of counts runs to its longer end (ADR 0056).
    [InlineData("within two to three years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2026-10-10")]
    [InlineData("in 2-3 years", Novosibirsk, DuePrecision.Year, Novosibirsk, "2026-10-10")]
    [InlineData("in two or three months", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-01-10")]
    [InlineData("в течение двух-трех лет", Novosibirsk, DuePrecision.Year, Novosibirsk, "2026-10-10")]
    // The week, month and quarter around the meeting (10 October 2023 was a Tuesday).
    [InlineData("next week", Novosibirsk, DuePrecision.Day, "2023-10-16", "2023-10-22")]
    [InlineData("this week", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-15")]
    [InlineData("the current week", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-15")]
    [InlineData("the coming week", Novosibirsk, DuePrecision.Day, "2023-10-16", "2023-10-22")]
    [InlineData("this month", Novosibirsk, DuePrecision.Month, Novosibirsk, "2023-10-31")]
    [InlineData("next month", Novosibirsk, DuePrecision.Month, "2023-11-01", "2023-11-30")]
    // Open-ended.
    [InlineData("soon", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("shortly", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in the coming years", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in the next few years", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("over the coming several months", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in the long term", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in due course", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("as soon as possible", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in the nearest future", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("for the near future", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    // The meeting day itself, the day after, and ranges of years (both ends kept).
    [InlineData("today", Novosibirsk, DuePrecision.Day, Novosibirsk, Novosibirsk)]
    [InlineData("Tomorrow", Novosibirsk, DuePrecision.Day, "2023-10-11", "2023-10-11")]
    [InlineData("the day after tomorrow", Novosibirsk, DuePrecision.Day, "2023-10-12", "2023-10-12")]
    [InlineData("day after tomorrow", Novosibirsk, DuePrecision.Day, "2023-10-12", "2023-10-12")]
    [InlineData("послезавтра", Novosibirsk, DuePrecision.Day, "2023-10-12", "2023-10-12")]
    [InlineData("2024-2026", Novosibirsk, DuePrecision.Year, "2024-01-01", "2026-12-31")]
    [InlineData("in 2025–2027", Novosibirsk, DuePrecision.Year, "2025-01-01", "2027-12-31")]
    [InlineData("2023 to 2025", Novosibirsk, DuePrecision.Year, "2023-01-01", "2025-12-31")]
    [InlineData("this year and the next one", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    [InlineData("this and next year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    [InlineData("в этом и следующем году", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-12-31")]
    // Russian, read through the same calendar rules.
    [InlineData("осенью 2024 года", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    [InlineData("весной 2024 года", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("осенью этого года", "2023-06-01", DuePrecision.Season, "2023-09-01", "2023-11-30")]
    [InlineData("весной следующего года", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("летом", Novosibirsk, DuePrecision.Season, "2024-06-01", "2024-08-31")]
    [InlineData("в ближайшее время", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("в самое ближайшее время", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("в ближайшей перспективе", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("до конца года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("до конца текущего года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("до конца 2025 года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("в конце года", Novosibirsk, DuePrecision.Month, "2023-12-01", "2023-12-31")]
    [InlineData("at the end of the year", Novosibirsk, DuePrecision.Month, "2023-12-01", "2023-12-31")]
    [InlineData("at the end of October", Novosibirsk, DuePrecision.Day, "2023-10-21", "2023-10-31")]
    [InlineData("in early April", Novosibirsk, DuePrecision.Day, "2024-04-01", "2024-04-10")]
    [InlineData("mid-April 2025", Novosibirsk, DuePrecision.Day, "2025-04-11", "2025-04-20")]
    [InlineData("late November", Novosibirsk, DuePrecision.Day, "2023-11-21", "2023-11-30")]
    [InlineData("в начале апреля", Novosibirsk, DuePrecision.Day, "2024-04-01", "2024-04-10")]
    [InlineData("в середине мая 2024 года", Novosibirsk, DuePrecision.Day, "2024-05-11", "2024-05-20")]
    [InlineData("в следующем году", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("в этом году", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("в 2025 году", Novosibirsk, DuePrecision.Year, "2025-01-01", "2025-12-31")]
    [InlineData("к 2025 году", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("к 2030-му", Novosibirsk, DuePrecision.Year, Novosibirsk, "2030-12-31")]
    [InlineData("до 2030 года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2030-12-31")]
    [InlineData("в 2024–2026 годах", Novosibirsk, DuePrecision.Year, "2024-01-01", "2026-12-31")]
    [InlineData("на 2025-2027 годы", Novosibirsk, DuePrecision.Year, "2025-01-01", "2027-12-31")]
    [InlineData("в первом полугодии", Novosibirsk, DuePrecision.HalfYear, "2024-01-01", "2024-06-30")]
    [InlineData("в первом полугодии 2025 года", Novosibirsk, DuePrecision.HalfYear, "2025-01-01", "2025-06-30")]
    [InlineData("во втором полугодии", "2023-03-01", DuePrecision.HalfYear, "2023-07-01", "2023-12-31")]
    // "половина" is a half-year too, and "года" after a part of the year is the year it is of (ADR 0056).
    [InlineData("в первой половине года", "2023-03-01", DuePrecision.HalfYear, "2023-01-01", "2023-06-30")]
    [InlineData("во второй половине 2024 года", Novosibirsk, DuePrecision.HalfYear, "2024-07-01", "2024-12-31")]
    [InlineData("в первом полугодии года", "2023-03-01", DuePrecision.HalfYear, "2023-01-01", "2023-06-30")]
    [InlineData("в четвертом квартале года", Novosibirsk, DuePrecision.Quarter, "2023-10-01", "2023-12-31")]
    [InlineData("в 2024 и 2025 годах", Novosibirsk, DuePrecision.Year, "2024-01-01", "2025-12-31")]
    [InlineData("в третьем квартале 2024 года", Novosibirsk, DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("в октябре", Novosibirsk, DuePrecision.Month, "2023-10-01", "2023-10-31")]
    [InlineData("в сентябре 2024 года", Novosibirsk, DuePrecision.Month, "2024-09-01", "2024-09-30")]
    [InlineData("до 1 декабря", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-12-01")]
    [InlineData("1 мая 2024 года", Novosibirsk, DuePrecision.Day, "2024-05-01", "2024-05-01")]
    [InlineData("через два года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-10-10")]
    [InlineData("в течение шести месяцев", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    [InlineData("в течение года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2024-10-10")]
    [InlineData("сегодня", Novosibirsk, DuePrecision.Day, Novosibirsk, Novosibirsk)]
    [InlineData("Осенью 2024 года", Novosibirsk, DuePrecision.Season, "2024-09-01", "2024-11-30")]
    // A third of a year ("early 2025", as "early April" is a third of a month), and other everyday forms (ADR 0071).
    [InlineData("in early 2025", Novosibirsk, DuePrecision.Month, "2025-01-01", "2025-04-30")]
    [InlineData("mid-2025", Novosibirsk, DuePrecision.Month, "2025-05-01", "2025-08-31")]
    [InlineData("in the middle of 2025", Novosibirsk, DuePrecision.Month, "2025-05-01", "2025-08-31")]
    [InlineData("late next year", Novosibirsk, DuePrecision.Month, "2024-09-01", "2024-12-31")]
    [InlineData("at the beginning of next year", Novosibirsk, DuePrecision.Month, "2024-01-01", "2024-04-30")]
    [InlineData("by the beginning of 2025", Novosibirsk, DuePrecision.Month, Novosibirsk, "2025-04-30")]
    [InlineData("from 2024 to 2026", Novosibirsk, DuePrecision.Year, "2024-01-01", "2026-12-31")]
    [InlineData("throughout 2024", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("in the coming weeks", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("before the New Year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("в начале 2025 года", Novosibirsk, DuePrecision.Month, "2025-01-01", "2025-04-30")]
    [InlineData("в середине следующего года", Novosibirsk, DuePrecision.Month, "2024-05-01", "2024-08-31")]
    // Inflected for the deadline words ("до середины", "к началу") and the everyday English forms beside them.
    [InlineData("до середины года", "2023-02-01", DuePrecision.Month, "2023-02-01", "2023-08-31")]
    [InlineData("к середине 2025 года", Novosibirsk, DuePrecision.Month, Novosibirsk, "2025-08-31")]
    [InlineData("к началу следующего года", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-30")]
    [InlineData("до начала мая", "2023-02-01", DuePrecision.Day, "2023-02-01", "2023-05-10")]
    [InlineData("by mid-year", "2023-02-01", DuePrecision.Month, "2023-02-01", "2023-08-31")]
    [InlineData("in midyear", "2023-02-01", DuePrecision.Month, "2023-05-01", "2023-08-31")]
    [InlineData("later this year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("later in the year", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("в начале года", "2023-02-01", DuePrecision.Month, "2023-01-01", "2023-04-30")]
    [InlineData("с 2025 по 2027 год", Novosibirsk, DuePrecision.Year, "2025-01-01", "2027-12-31")]
    [InlineData("до Нового года", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("этой осенью", "2023-06-01", DuePrecision.Season, "2023-09-01", "2023-11-30")]
    [InlineData("будущей весной", Novosibirsk, DuePrecision.Season, "2024-03-01", "2024-05-31")]
    [InlineData("через месяц", Novosibirsk, DuePrecision.Month, Novosibirsk, "2023-11-10")]
    [InlineData("через неделю", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-17")]
    [InlineData("в месячный срок", Novosibirsk, DuePrecision.Month, Novosibirsk, "2023-11-10")]
    [InlineData("в двухнедельный срок", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-24")]
    [InlineData("в пятилетний срок", Novosibirsk, DuePrecision.Year, Novosibirsk, "2028-10-10")]
    [InlineData("до конца недели", Novosibirsk, DuePrecision.Day, Novosibirsk, "2023-10-15")]
    [InlineData("до конца квартала", Novosibirsk, DuePrecision.Quarter, Novosibirsk, "2023-12-31")]
    [InlineData("в 3 квартале 2024 года", Novosibirsk, DuePrecision.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("во 2-м полугодии", "2023-03-01", DuePrecision.HalfYear, "2023-07-01", "2023-12-31")]
    // A part of a season is one of its months; "the new year" is the next one; «летом 2024 года», «к лету» (ADR 0127).
    [InlineData("in late summer", Novosibirsk, DuePrecision.Month, "2024-08-01", "2024-08-31")]
    [InlineData("early summer", "2024-07-15", DuePrecision.Month, "2025-06-01", "2025-06-30")]
    [InlineData("mid-autumn 2024", Novosibirsk, DuePrecision.Month, "2024-10-01", "2024-10-31")]
    [InlineData("late winter 2024", Novosibirsk, DuePrecision.Month, "2025-02-01", "2025-02-28")]
    [InlineData("at the beginning of next spring", Novosibirsk, DuePrecision.Month, "2024-03-01", "2024-03-31")]
    [InlineData("в начале лета", Novosibirsk, DuePrecision.Month, "2024-06-01", "2024-06-30")]
    [InlineData("в середине лета", Novosibirsk, DuePrecision.Month, "2024-07-01", "2024-07-31")]
    [InlineData("к началу осени", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-09-30")]
    [InlineData("in the new year", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("в новом году", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("летом 2024 года", Novosibirsk, DuePrecision.Season, "2024-06-01", "2024-08-31")]
    [InlineData("к лету", Novosibirsk, DuePrecision.Season, Novosibirsk, "2024-08-31")]
    [InlineData("к лету 2025 года", Novosibirsk, DuePrecision.Season, Novosibirsk, "2025-08-31")]
    // A range of days in one month: both ends kept; without a year, the next range that has not ended.
    [InlineData("20-21 September", Novosibirsk, DuePrecision.Day, "2024-09-20", "2024-09-21")]
    [InlineData("on 20–21 September 2024", Novosibirsk, DuePrecision.Day, "2024-09-20", "2024-09-21")]
    [InlineData("September 20-22, 2025", Novosibirsk, DuePrecision.Day, "2025-09-20", "2025-09-22")]
    [InlineData("from 20 to 22 October", Novosibirsk, DuePrecision.Day, "2023-10-20", "2023-10-22")]
    [InlineData("9-12 October", Novosibirsk, DuePrecision.Day, "2023-10-09", "2023-10-12")]
    [InlineData("28-29 February", Novosibirsk, DuePrecision.Day, "2024-02-28", "2024-02-29")]
    [InlineData("20–21 сентября", Novosibirsk, DuePrecision.Day, "2024-09-20", "2024-09-21")]
    [InlineData("с 20 по 22 сентября 2025 года", Novosibirsk, DuePrecision.Day, "2025-09-20", "2025-09-22")]
    [InlineData("от 20 до 22 октября", Novosibirsk, DuePrecision.Day, "2023-10-20", "2023-10-22")]
    // Half a year is six months from the meeting.
    [InlineData("in half a year", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    [InlineData("within half a year", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    [InlineData("через полгода", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    [InlineData("в течение полугода", Novosibirsk, DuePrecision.Month, Novosibirsk, "2024-04-10")]
    // The coming days and weeks are open, like the coming months.
    [InlineData("in the coming days", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("in the next few weeks", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("в ближайшие дни", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    [InlineData("в ближайшие недели", Novosibirsk, DuePrecision.Open, Novosibirsk, null)]
    // Belarus's five-year periods: 2021–2025, 2026–2030.
    [InlineData("by the end of the five-year period", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("in the current five-year plan", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("the next five-year period", Novosibirsk, DuePrecision.Year, "2026-01-01", "2030-12-31")]
    [InlineData("in the new five-year period", Novosibirsk, DuePrecision.Year, "2026-01-01", "2030-12-31")]
    [InlineData("in the new five-year period", "2026-02-17", DuePrecision.Year, "2026-02-17", "2030-12-31")]
    [InlineData("до конца пятилетки", Novosibirsk, DuePrecision.Year, Novosibirsk, "2025-12-31")]
    [InlineData("в новой пятилетке", "2025-12-31", DuePrecision.Year, "2026-01-01", "2030-12-31")]
    [InlineData("в следующей пятилетке", "2021-03-01", DuePrecision.Year, "2026-01-01", "2030-12-31")]
    [InlineData("в текущей пятилетке", "2021-03-01", DuePrecision.Year, "2021-03-01", "2025-12-31")]
    // A month of next year keeps its year.
    [InlineData("June next year", Novosibirsk, DuePrecision.Month, "2024-06-01", "2024-06-30")]
    [InlineData("в июне следующего года", Novosibirsk, DuePrecision.Month, "2024-06-01", "2024-06-30")]
    [InlineData("на будущий год", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("на следующий год", Novosibirsk, DuePrecision.Year, "2024-01-01", "2024-12-31")]
    [InlineData("в нынешнем году", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    // Case, whitespace and a closing full stop do not matter.
    [InlineData("  BY   THE END OF   THE YEAR.  ", Novosibirsk, DuePrecision.Year, Novosibirsk, "2023-12-31")]
    [InlineData("In The Near Future.", Krasnodar, DuePrecision.Open, Krasnodar, null)]
    public void Reads_a_due_phrase_against_the_meeting_date(
        string phrase, string spokenOn, DuePrecision precision, string? earliest, string? latest)
    {
        DueWindowParser.TryParse(phrase, Day(spokenOn), out var window, out var error).ShouldBeTrue(error);

        error.ShouldBeNull();
        window.ShouldNotBeNull();
        window.Precision.ShouldBe(precision);
        window.Earliest.ShouldBe(OptionalDay(earliest));
        window.Latest.ShouldBe(OptionalDay(latest));
    }

    [Theory]
    [InlineData("last year", Novosibirsk, "refers to the past")]
    [InlineData("в прошлом году", Novosibirsk, "is not a due phrase that can be read")]
    [InlineData("в 2020 году", Novosibirsk, "refers to the past")]
    [InlineData("2026-2024", Novosibirsk, "a range of years runs forwards")]
    [InlineData("2020", Krasnodar, "refers to the past (it ended on 2020-12-31)")]
    [InlineData("In 2020", Krasnodar, "refers to the past")]
    [InlineData("last spring", Novosibirsk, "refers to the past")]
    [InlineData("the last quarter", Novosibirsk, "refers to the past")]
    [InlineData("two years ago", Novosibirsk, "refers to the past")]
    [InlineData("spring this year", Novosibirsk, "refers to the past")]
    [InlineData("the first half of the year", Novosibirsk, "refers to the past")]
    [InlineData("1 October 2023", Novosibirsk, "refers to the past")]
    [InlineData("by the end of September 2023", "2023-10-01", "refers to the past (it ended on 2023-09-30)")]
    [InlineData("31 February 2024", Novosibirsk, "February has no day 31")]
    [InlineData("22-20 September", Novosibirsk, "a range of days runs forwards (22 is not before 20)")]
    [InlineData("30-31 February", Novosibirsk, "February has no day 31")]
    [InlineData("0-2 March", Novosibirsk, "March has no day 0")]
    [InlineData("28-29 February 2025", Novosibirsk, "February 2025 has no day 29")]
    [InlineData("1-2 October 2023", Novosibirsk, "refers to the past")]
    [InlineData("29 February 2023", Novosibirsk, "February 2023 has no day 29")]
    [InlineData("Q5 2024", Novosibirsk, "four quarters, Q1 to Q4")]
    [InlineData("H3 2024", Novosibirsk, "two halves, H1 and H2")]
    [InlineData("2024-13-01", Novosibirsk, "not a date on the calendar")]
    [InlineData("this autumn 2024", Novosibirsk, "either a year or 'this'/'next'")]
    [InlineData("next year", "9999-06-01", "outside the supported calendar")]
    [InlineData("whenever", Novosibirsk, "Accepted forms")]
    [InlineData("by", Novosibirsk, "Accepted forms")]
    [InlineData("the twelfth of never", Novosibirsk, "Accepted forms")]
    [InlineData("after the elections", Novosibirsk, "Accepted forms")]
    public void Rejects_a_phrase_that_is_not_a_future_due_window(string phrase, string spokenOn, string expected)
    {
        DueWindowParser.TryParse(phrase, Day(spokenOn), out var window, out var error).ShouldBeFalse();

        window.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        error.ShouldContain(expected);
        error.ShouldContain($"'{phrase}'");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_a_missing_phrase_and_lists_the_accepted_forms(string? phrase)
    {
        DueWindowParser.TryParse(phrase, Day(Novosibirsk), out var window, out var error).ShouldBeFalse();

        window.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain("required");
        error.ShouldContain("Accepted forms");
        error.ShouldContain("'Q3 2024'");
    }

    // Whether the words are a due phrase at all, before the meeting's day is known: a past phrase is still words that
    // can be read, and TryParse refuses it later.
    [Theory]
    [InlineData("by the end of the year", true)]
    [InlineData("in 2019", true)]
    [InlineData("осенью 2024 года", true)]
    [InlineData("by the twelfth of never", false)]
    [InlineData("когда рак на горе свистнет", false)]
    public void Can_read_says_whether_the_words_are_a_due_phrase_whatever_the_day(string phrase, bool readable)
    {
        DueWindowParser.CanRead(phrase, out var error).ShouldBe(readable);

        if (readable)
        {
            error.ShouldBeNull();
        }
        else
        {
            error.ShouldNotBeNull().ShouldStartWith($"'{phrase}' is not a due phrase that can be read.");
        }
    }

    [Fact]
    public void Rejects_a_phrase_longer_than_a_due_window_keeps()
    {
        var phrase = new string('x', DueWindow.MaxPhraseLength + 1);

        DueWindowParser.TryParse(phrase, Day(Novosibirsk), out var window, out var error).ShouldBeFalse();

        window.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain($"at most {DueWindow.MaxPhraseLength} characters");
    }

    [Theory]
    [InlineData("gibberish", "Accepted forms")]
    [InlineData("31 February 2024", "February has no day 31")]
    [InlineData("last year", "refers to the past")]
    public void Parse_throws_a_domain_rule_exception_for_the_phrase_field(string phrase, string expected)
    {
        var exception = Should.Throw<DomainRuleException>(() => DueWindowParser.Parse(phrase, Day(Novosibirsk)));

        exception.Field.ShouldBe("Due.Phrase");
        exception.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_returns_the_window_that_TryParse_reads()
    {
        var window = DueWindowParser.Parse("autumn 2024", Day(Novosibirsk));

        window.ShouldBe(new DueWindow("autumn 2024", DuePrecision.Season, Day("2024-09-01"), Day("2024-11-30")));
    }

    [Theory]
    [InlineData("  By the end of the year.  ", "By the end of the year.")]
    [InlineData("September–October 2024", "September–October 2024")]
    [InlineData("IN  FIVE  YEARS", "IN  FIVE  YEARS")]
    public void Keeps_the_phrase_as_given_but_trimmed(string phrase, string kept)
    {
        DueWindowParser.Parse(phrase, Day(Novosibirsk)).Phrase.ShouldBe(kept);
    }

    [Fact]
    public void Resolves_the_same_words_differently_for_different_meeting_dates()
    {
        DueWindowParser.Parse("next year", Day("2023-10-10")).Latest.ShouldBe(Day("2024-12-31"));
        DueWindowParser.Parse("next year", Day("2030-01-01")).Latest.ShouldBe(Day("2031-12-31"));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDay(string? iso) => iso is null ? null : Day(iso);
}
