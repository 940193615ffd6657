using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// Reads the words a speaker used for "when" ("autumn 2024", "by the end of the year", "in five years") into a
/// <see cref="DueWindow"/>. Phrases are resolved against the meeting date, the day the words were spoken, never
/// against today's date, so "next year" said in 2023 means 2024 forever.
/// </summary>
/// <remarks>
/// Choices made where ordinary speech is ambiguous:
/// <list type="bullet">
/// <item>Seasons are northern-hemisphere meteorological seasons: spring is 1 March to 31 May, summer 1 June to
/// 31 August, autumn (fall) 1 September to 30 November, winter 1 December to the end of February. A year given with
/// a season or a month range names the year the span begins in, so "winter 2024" is 1 December 2024 to
/// 28 February 2025 and "November–February 2024" runs into 2025.</item>
/// <item>A month, month range, quarter, half-year or season named without a year is its nearest occurrence that
/// has not ended on the meeting date ("in October" said on 10 October 2023 is October 2023); after "next" it is the
/// nearest one that has not yet begun ("next autumn" said in October 2023 is autumn 2024).</item>
/// <item>"this …" periods, deadline words ("by", "until", "till", "before", "no later than", "not later than") and
/// "the end of …" keep the period's last day as the latest date but start the window on the meeting date: nothing
/// promised at a meeting can be due before it. "before" is read like "by", inclusively, as speakers use it.</item>
/// <item>Spans counted from the meeting ("in five years", "within six months", "in 3 weeks") run from the meeting
/// date to the same day N units later; weeks and days have day precision.</item>
/// <item>A range of days in one month ("20–21 September", "September 20-22", "from 20 to 22 September") runs from
/// its first day to its last, with day precision; without a year it is the next one that has not ended.</item>
/// <item>A five-year period is Belarus's planning period (2021–2025, 2026–2030, …): "this five-year period" runs from
/// the meeting to the end of the one the meeting falls in, "the next five-year period" is the whole of the one after.</item>
/// <item>A phrase about the past ("last year", "2020" said in 2023) is not a due window and is rejected, as is any
/// window whose latest day is before the meeting date.</item>
/// </list>
/// </remarks>
public static partial class DueWindowParser
{
    /// <summary>What the parser reads, in words: every refusal ends with it, so a form can fold it away from the problem.</summary>
    public const string AcceptedForms =
        "Accepted forms: a date ('2024-10-01', '1 October 2024', 'October 1, 2024', '10 October'); "
        + "a month or months ('October 2024', 'in October', 'September–October 2024'); "
        + "a quarter ('Q3 2024', 'third quarter of 2024', 'next quarter'); "
        + "a season ('autumn 2024', 'in the autumn of 2024', 'next spring'); "
        + "a half-year ('H1 2024', 'first half of 2024', 'second half of the year'); "
        + "a year or a part of one ('2024', 'by 2025', 'this year', 'next year', 'by the end of the year', 'later this year', 'early 2025', 'mid-2025', 'by mid-year'); "
        + "a span from the meeting ('in five years', 'within six months', 'in half a year', 'in 3 weeks', 'within two to three years'); "
        + "a range of days ('20-21 September', 'September 20-22'); a five-year period ('by the end of the five-year period', 'the next five-year period'); "
        + "a range of years ('2024-2026', 'this year and next'); 'today', 'tomorrow' or 'the day after tomorrow'; "
        + "or an open phrase ('soon', 'in the near future', 'in due course'). "
        + "Russian phrases are read too ('осенью 2024 года', 'до конца года', 'в первом полугодии', 'к 2025 году', 'через полгода', '20–21 сентября', 'в ближайшее время'). "
        + "Words such as 'by', 'in', 'until', 'within' or 'no later than' may come first.";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Building blocks shared by several patterns; kept as constants so the regexes can be source-generated.
    private const string MonthName =
        @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string YearReference =
        @"(?:(?<year>[1-9]\d{3})"
        + @"|(?<thisYear>(?:this|the|current|the\s+current)\s+year)"
        + @"|(?<nextYear>(?:the\s+)?(?:next|coming|following|new)\s+year)"
        + @"|(?<afterNext>(?:the\s+)?year\s+after\s+next))";

    // "Q3 2024", "third quarter of 2024", "Q3-2024", "the first half of next year".
    private const string OptionalYear = @"(?:(?:,?\s+(?:of\s+)?|\s*[-/]\s*)" + YearReference + ")?";

    // "the", "this"/"current" or "next"/"coming" before a month, quarter, half-year or season.
    private const string SpanLead = @"^(?:the\s+)?(?:(?:(?<this>this|current)|(?<next>next|coming|following))\s+)?";

    /// <summary>The length of Belarus's planning periods (<see cref="ResolveFiveYearPeriod"/>).</summary>
    private const int FiveYears = 5;

    /// <summary>Marks "last"/"final"/"latter" in the ordinals table: the last part of the year, whatever the count.</summary>
    private const int LastPart = -1;

    // The word tables below are static data, built once per process: Stryker's MTP runner never switches a mutant in
    // them on (stryker-net#3742), so their mutants are not generated (ADR 0040); CalendarWordTests reads every entry.
    // Stryker disable once all : static table read entry by entry in CalendarWordTests.Every_month_name_and_abbreviation_is_read
    private static readonly FrozenDictionary<string, int> MonthNumbers = new Dictionary<string, int>
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Stryker disable once all : static table read entry by entry in CalendarWordTests.Every_season_is_read
    private static readonly FrozenDictionary<string, int> SeasonFirstMonths = new Dictionary<string, int>
    {
        ["spring"] = 3,
        ["summer"] = 6,
        ["autumn"] = 9,
        ["fall"] = 9,
        ["winter"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Stryker disable once all : static table read entry by entry in CalendarWordTests.Every_ordinal_is_read
    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1,
        ["1st"] = 1,
        ["second"] = 2,
        ["2nd"] = 2,
        ["third"] = 3,
        ["3rd"] = 3,
        ["fourth"] = 4,
        ["4th"] = 4,
        ["last"] = LastPart,
        ["final"] = LastPart,
        ["latter"] = LastPart,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Stryker disable once all : static table read entry by entry in CalendarWordTests.Every_count_word_and_unit_is_read
    private static readonly FrozenDictionary<string, int> CountWords = new Dictionary<string, int>
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Only the keys and the initialiser are static; the date arithmetic in the lambdas runs per call and stays mutated.
    // Stryker disable once String,Initializer: static keys read in CalendarWordTests.Every_count_word_and_unit_is_read
    private static readonly FrozenDictionary<string, (DuePrecision Precision, Func<DateOnly, int, DateOnly> Add)> CountedUnits =
        new Dictionary<string, (DuePrecision, Func<DateOnly, int, DateOnly>)>
        {
            ["day"] = (DuePrecision.Day, static (date, n) => date.AddDays(n)),
            ["week"] = (DuePrecision.Day, static (date, n) => date.AddDays(7 * n)),
            ["month"] = (DuePrecision.Month, static (date, n) => date.AddMonths(n)),
            ["year"] = (DuePrecision.Year, static (date, n) => date.AddYears(n)),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Tried in order; the first pattern that matches the whole (normalised) phrase decides. The patterns are
    // disjoint except that Past must come before PartOfYear ("the last quarter" is past, "the last quarter of 2024"
    // is Q4 2024).
    private static readonly (Regex Pattern, Func<Match, DateOnly, Resolution> Resolve)[] Matchers =
    [
        (OpenPattern(), static (_, spokenOn) => Resolution.Window(DuePrecision.Open, spokenOn, null)),
        (DayWordPattern(), static (match, spokenOn) => Resolution.OnDay(spokenOn.AddDays(match.Groups["after"].Success ? 2 : match.Groups["tomorrow"].Success ? 1 : 0))),
        (YearRangePattern(), ResolveYearRange),
        (ThisAndNextYearPattern(), static (_, spokenOn) => Resolution.Window(DuePrecision.Year, spokenOn, new DateOnly(spokenOn.Year + 1, 12, 31))),
        (PastPattern(), static (_, _) => Resolution.Past),
        (EndOfPattern(), ResolveEndOf),
        (IsoDatePattern(), ResolveIsoDate),
        (DayMonthPattern(), ResolveDayMonth),
        (DayRangePattern(), ResolveDayRange),
        (FiveYearPeriodPattern(), ResolveFiveYearPeriod),
        (RelativePeriodPattern(), ResolveRelativePeriod),
        (CountedSpanPattern(), ResolveCountedSpan),
        (YearPattern(), ResolveYear),
        (PartOfMonthPattern(), ResolvePartOfMonth),
        (PartOfSeasonPattern(), ResolvePartOfSeason),
        (PartOfNamedYearPattern(), ResolvePartOfNamedYear),
        (MonthSpanPattern(), ResolveMonthSpan),
        (PartOfYearPattern(), ResolvePartOfYear),
        (SeasonPattern(), ResolveSeason),
    ];

    private enum Outcome
    {
        Window,
        Unrecognised,
        Invalid,
        Past,
    }

    /// <summary>
    /// Reads <paramref name="phrase"/> as said at a meeting held on <paramref name="spokenOn"/>. Never throws: an
    /// empty, unreadable, impossible or past phrase gives false and an <paramref name="error"/> that says why and
    /// lists the accepted forms.
    /// </summary>
    public static bool TryParse(
        string? phrase,
        DateOnly spokenOn,
        [NotNullWhen(true)] out DueWindow? window,
        [NotNullWhen(false)] out string? error)
    {
        window = null;
        if (string.IsNullOrWhiteSpace(phrase))
        {
            error = $"A due phrase is required. {AcceptedForms}";
            return false;
        }

        var given = phrase.Trim();
        if (given.Length > DueWindow.MaxPhraseLength)
        {
            error = $"A due phrase must be at most {DueWindow.MaxPhraseLength} characters.";
            return false;
        }

        if (Readable(given) is not { } readable)
        {
            error = $"'{given}' is not a due phrase that can be read. {AcceptedForms}";
            return false;
        }

        var resolution = ResolveWithinCalendar(Normalise(readable), spokenOn);
        error = resolution switch
        {
            { Outcome: Outcome.Unrecognised } => $"'{given}' is not a due phrase that can be read. {AcceptedForms}",
            { Outcome: Outcome.Invalid } => $"'{given}' cannot be read as a due date: {resolution.Problem} {AcceptedForms}",
            { Outcome: Outcome.Past } => RefersToPast(given, null, spokenOn),
            { Latest: { } latest } when latest < spokenOn => RefersToPast(given, latest, spokenOn),
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        window = new DueWindow(given, resolution.Precision, resolution.Earliest, resolution.Latest);
        return true;
    }

    /// <summary>
    /// Whether the words of <paramref name="phrase"/> are a due phrase at all, whatever the meeting's date: a form can
    /// say "not a due phrase" beside its other errors before the meeting is known. Whether the phrase has already passed
    /// on the meeting's day is <see cref="TryParse"/>'s to say.
    /// </summary>
    public static bool CanRead(string phrase, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var given = phrase.Trim();
        var readable = Readable(given);
        error = readable is null || ResolveWithinCalendar(Normalise(readable), AnyDay).Outcome == Outcome.Unrecognised
            ? $"'{given}' is not a due phrase that can be read. {AcceptedForms}"
            : null;
        return error is null;
    }

    // Russian phrases are read as the English phrase they mean, then resolved by the same calendar rules; null when a
    // Russian word is not understood.
    private static string? Readable(string given) => RussianDuePhrase.IsRussian(given) ? RussianDuePhrase.ToEnglish(given) : given;

    // A day far from every calendar edge, so that reading the words alone never meets one.
    private static readonly DateOnly AnyDay = new(2000, 6, 15);

    /// <summary>Like <see cref="TryParse"/>, but throws a <see cref="DomainRuleException"/> on field "Due.Phrase".</summary>
    public static DueWindow Parse(string phrase, DateOnly spokenOn) =>
        TryParse(phrase, spokenOn, out var window, out var error)
            ? window
            : throw new DomainRuleException("Due.Phrase", error);

    // Typographic dashes become hyphens, runs of whitespace one space, and a closing full stop goes.
    // "year-end" is "the end of the year", and so is the New Year after a deadline word ("before the New Year").
    // "half a year" is six months ("in half a year", "within half a year").
    // "mid-year" is the middle of the year; "later this year" is a deadline at its end, open from the meeting.
    private static string Normalise(string phrase)
    {
        var text = YearEnd().Replace(Whitespace().Replace(Dashes().Replace(phrase, "-"), " ").TrimEnd('.', ' '), "the end of the year");
        text = NewYearDeadline().Replace(text, "${deadline} the end of the year");
        text = MidYear().Replace(text, "the middle of the year");
        text = HalfAYear().Replace(text, "six months");
        return LaterThisYear().Replace(text, "by the end of the year");
    }

    private static Resolution ResolveWithinCalendar(string text, DateOnly spokenOn)
    {
        // Arithmetic at the calendar's edges ("next year" said in 9999) has no answer: report it, never throw.
        try
        {
            return Resolve(text, spokenOn);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Resolution.Invalid("it falls outside the supported calendar (years 1 to 9999).");
        }
    }

    private static Resolution Resolve(string text, DateOnly spokenOn)
    {
        // A leading word only frames the period, except that deadline words also open the window at the meeting.
        var lead = LeadingWordPattern().Match(text);

        // "at the end of the year" (not "by the end of…") is a time within the period: its last month.
        if (lead.Length > 0 && !lead.Groups["deadline"].Success && EndOfPattern().Match(text[lead.Length..]) is { Success: true } end)
        {
            return FinalPart(ResolvePeriod(end.Groups["rest"].Value, spokenOn));
        }

        var resolution = ResolvePeriod(text[lead.Length..], spokenOn);
        return lead.Groups["deadline"].Success ? FromMeeting(resolution, spokenOn) : resolution;
    }

    private static Resolution ResolvePeriod(string text, DateOnly spokenOn)
    {
        foreach (var (pattern, resolve) in Matchers)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return resolve(match, spokenOn);
            }
        }

        return Resolution.Unrecognised;
    }

    /// <summary>The end of a period as a time of its own: the last month of a year, quarter or half; the last ten days of a month.</summary>
    private static Resolution FinalPart(Resolution period)
    {
        if (period is not { Outcome: Outcome.Window, Latest: { } last })
        {
            return period;
        }

        return period.Precision == DuePrecision.Month || period.Precision == DuePrecision.Day
            ? Resolution.Window(DuePrecision.Day, new DateOnly(last.Year, last.Month, 21), last)
            : Resolution.Window(DuePrecision.Month, new DateOnly(last.Year, last.Month, 1), last);
    }

    /// <summary>"early April" is its first ten days, "mid-April" the next ten, "late April" the rest.</summary>
    private static Resolution ResolvePartOfMonth(Match match, DateOnly spokenOn)
    {
        var month = MonthNumber(match.Groups["first"].Value);
        var whole = ResolveAnnualSpan(match, spokenOn, month, 1, DuePrecision.Month);
        if (whole is not { Outcome: Outcome.Window, Earliest: { } first, Latest: { } last })
        {
            return whole;
        }

        return Third(match) switch
        {
            0 => Resolution.Window(DuePrecision.Day, first, first.AddDays(9)),
            1 => Resolution.Window(DuePrecision.Day, first.AddDays(10), first.AddDays(19)),
            _ => Resolution.Window(DuePrecision.Day, first.AddDays(20), last),
        };
    }

    /// <summary>Which third of a period its part names: 0 "early"/"the beginning of", 1 "mid"/"the middle of", 2 "late".</summary>
    private static int Third(Match match)
    {
        var part = match.Groups["part"].Value.ToLowerInvariant();
        return part.StartsWith("early", StringComparison.Ordinal) || part.StartsWith("beginning", StringComparison.Ordinal) || part.StartsWith("start", StringComparison.Ordinal)
            ? 0
            : part.StartsWith("late", StringComparison.Ordinal) ? 2 : 1;
    }

    /// <summary>
    /// "early summer" is the season's first month, "mid-summer" its second, "late summer" its last, taken from the season
    /// the words name (so "late winter 2024" is February 2025); without a year or "this", a month already past is next
    /// year's ("early summer" said in July).
    /// </summary>
    private static Resolution ResolvePartOfSeason(Match match, DateOnly spokenOn)
    {
        var whole = ResolveAnnualSpan(match, spokenOn, SeasonFirstMonths[match.Groups["season"].Value], 3, DuePrecision.Season);
        if (whole is not { Outcome: Outcome.Window, Latest: { } last })
        {
            return whole;
        }

        var first = new DateOnly(last.Year, last.Month, 1).AddMonths(Third(match) - 2);
        if (first.AddMonths(1).AddDays(-1) < spokenOn && ReferencedYear(match, spokenOn) is null && !match.Groups["this"].Success)
        {
            first = first.AddYears(1);
        }

        return Resolution.Window(DuePrecision.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// "early 2025" is its first four months, "mid-2025" the next four, "late 2025" the last four: thirds, as for a
    /// month ("early April" is its first ten days). "The end of 2025" is its last month (<see cref="FinalPart"/>).
    /// </summary>
    private static Resolution ResolvePartOfNamedYear(Match match, DateOnly spokenOn)
    {
        if (ReferencedYear(match, spokenOn) is not { } year)
        {
            return Resolution.Unrecognised;
        }

        var firstMonth = 1 + (4 * Third(match));
        return Resolution.Window(DuePrecision.Month, new DateOnly(year, firstMonth, 1), new DateOnly(year, firstMonth + 3, 1).AddMonths(1).AddDays(-1));
    }

    /// <summary>A deadline: same last day, but the work can start as soon as it is promised.</summary>
    private static Resolution FromMeeting(Resolution resolution, DateOnly spokenOn) =>
        resolution is { Outcome: Outcome.Window, Latest: not null } ? resolution with { Earliest = spokenOn } : resolution;

    private static Resolution ResolveEndOf(Match match, DateOnly spokenOn) =>
        FromMeeting(ResolvePeriod(match.Groups["rest"].Value, spokenOn), spokenOn);

    private static Resolution ResolveIsoDate(Match match, DateOnly spokenOn) =>
        DateOnly.TryParseExact(match.Value, "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Resolution.OnDay(day)
            : Resolution.Invalid($"{match.Value} is not a date on the calendar.");

    private static Resolution ResolveDayMonth(Match match, DateOnly spokenOn)
    {
        var month = MonthNumber(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);

        // 2000 is a leap year: this rejects 31 February outright but leaves 29 February to the year check below.
        if (day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return Resolution.Invalid($"{MonthTitle(month)} has no day {day}.");
        }

        if (ReferencedYear(match, spokenOn) is { } named)
        {
            return day <= DateTime.DaysInMonth(named, month)
                ? Resolution.OnDay(new DateOnly(named, month, day))
                : Resolution.Invalid($"{MonthTitle(month)} {named} has no day {day}.");
        }

        // No year: the next occurrence on or after the meeting date (29 February can be years away).
        for (var year = spokenOn.Year; ; year++)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (date >= spokenOn)
            {
                return Resolution.OnDay(date);
            }
        }
    }

    /// <summary>"20–21 September", "September 20-22, 2025": the days of one month, both ends kept.</summary>
    private static Resolution ResolveDayRange(Match match, DateOnly spokenOn)
    {
        var month = MonthNumber(match.Groups["month"].Value);
        var first = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        var last = int.Parse(match.Groups["last"].ValueSpan, CultureInfo.InvariantCulture);
        if (first >= last)
        {
            return Resolution.Invalid($"a range of days runs forwards ({first} is not before {last}).");
        }

        // 2000 is a leap year: this rejects 30 February outright but leaves 29 February to the year check below.
        if (first < 1 || last > DateTime.DaysInMonth(2000, month))
        {
            return Resolution.Invalid($"{MonthTitle(month)} has no day {(first < 1 ? first : last)}.");
        }

        if (ReferencedYear(match, spokenOn) is { } named)
        {
            return last <= DateTime.DaysInMonth(named, month)
                ? Resolution.Window(DuePrecision.Day, new DateOnly(named, month, first), new DateOnly(named, month, last))
                : Resolution.Invalid($"{MonthTitle(month)} {named} has no day {last}.");
        }

        // No year: the next range that has not ended on the meeting date (29 February can be years away).
        for (var year = spokenOn.Year; ; year++)
        {
            if (last <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, last) >= spokenOn)
            {
                return Resolution.Window(DuePrecision.Day, new DateOnly(year, month, first), new DateOnly(year, month, last));
            }
        }
    }

    /// <summary>
    /// Belarus plans in five-year periods that begin in 2021, 2026, …: "this" (or no word) is the one the meeting falls
    /// in, from the meeting on; "next" the whole of the one after. "New" is the one after, except in a period's first
    /// year, when the new one is the one that has just begun ("the new five-year plan has begun", said in 2026).
    /// </summary>
    private static Resolution ResolveFiveYearPeriod(Match match, DateOnly spokenOn)
    {
        var first = spokenOn.Year - ((spokenOn.Year - 1) % FiveYears);
        if (match.Groups["next"].Success || (match.Groups["new"].Success && spokenOn.Year != first))
        {
            first += FiveYears;
            return Resolution.Window(DuePrecision.Year, new DateOnly(first, 1, 1), new DateOnly(first + FiveYears - 1, 12, 31));
        }

        return Resolution.Window(DuePrecision.Year, spokenOn, new DateOnly(first + FiveYears - 1, 12, 31));
    }

    private static Resolution ResolveRelativePeriod(Match match, DateOnly spokenOn)
    {
        var unit = match.Groups["unit"].Value;
        var next = match.Groups["next"].Success;

        // Weeks run Monday to Sunday (ISO 8601); a week has no precision of its own, so it is Day.
        if (unit.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            var monday = spokenOn.AddDays(-(((int)spokenOn.DayOfWeek + 6) % 7) + (next ? 7 : 0));
            return Resolution.Window(DuePrecision.Day, next ? monday : spokenOn, monday.AddDays(6));
        }

        var (months, precision) = unit.Equals("quarter", StringComparison.OrdinalIgnoreCase)
            ? (3, DuePrecision.Quarter)
            : (1, DuePrecision.Month);
        var start = new DateOnly(spokenOn.Year, ((spokenOn.Month - 1) / months * months) + 1, 1).AddMonths(next ? months : 0);
        return Resolution.Window(precision, next ? start : spokenOn, start.AddMonths(months).AddDays(-1));
    }

    private static Resolution ResolveCountedSpan(Match match, DateOnly spokenOn)
    {
        var count = Count(match.Groups["count"].Value);

        // "two to three years", "2-3 years": a range of counts runs to its longer end.
        if (match.Groups["upto"].Success)
        {
            count = Math.Max(count, Count(match.Groups["upto"].Value));
        }

        var (precision, add) = CountedUnits[match.Groups["unit"].Value];
        return Resolution.Window(precision, spokenOn, add(spokenOn, count));
    }

    private static int Count(string text) => CountWords.TryGetValue(text, out var word) ? word : int.Parse(text, CultureInfo.InvariantCulture);

    private static Resolution ResolveYear(Match match, DateOnly spokenOn)
    {
        if (ReferencedYear(match, spokenOn) is not { } year)
        {
            return Resolution.Unrecognised;
        }

        // The meeting's own year named by its number ("in 2024" said in 2024) is "this year": nothing promised at the
        // meeting is due before it, so the window opens on the meeting date.
        var first = new DateOnly(year, 1, 1);
        return Resolution.Window(DuePrecision.Year, match.Groups["thisYear"].Success || year == spokenOn.Year ? spokenOn : first, new DateOnly(year, 12, 31));
    }

    /// <summary>"2024-2026": both ends kept, from the first day of the first year to the last day of the last.</summary>
    private static Resolution ResolveYearRange(Match match, DateOnly spokenOn)
    {
        var first = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        var last = int.Parse(match.Groups["last"].ValueSpan, CultureInfo.InvariantCulture);
        return first <= last
            ? Resolution.Window(DuePrecision.Year, new DateOnly(first, 1, 1), new DateOnly(last, 12, 31))
            : Resolution.Invalid($"a range of years runs forwards ({first} is after {last}).");
    }

    private static Resolution ResolveMonthSpan(Match match, DateOnly spokenOn)
    {
        var first = MonthNumber(match.Groups["first"].Value);
        var last = match.Groups["last"].Success ? MonthNumber(match.Groups["last"].Value) : first;

        // "November–February" wraps into the following year.
        var months = ((last - first + 12) % 12) + 1;
        return ResolveAnnualSpan(match, spokenOn, first, months, DuePrecision.Month);
    }

    private static Resolution ResolvePartOfYear(Match match, DateOnly spokenOn)
    {
        var isQuarter = char.ToUpperInvariant(match.Groups["kind"].Value[0]) == 'Q';
        var (months, precision, parts) = isQuarter
            ? (3, DuePrecision.Quarter, "four quarters, Q1 to Q4")
            : (6, DuePrecision.HalfYear, "two halves, H1 and H2");
        var count = 12 / months;

        var number = match.Groups["number"].Success
            ? int.Parse(match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture)
            : Ordinals[match.Groups["ordinal"].Value];
        if (number == LastPart)
        {
            number = count;
        }

        return number >= 1 && number <= count
            ? ResolveAnnualSpan(match, spokenOn, ((number - 1) * months) + 1, months, precision)
            : Resolution.Invalid($"a year has {parts}.");
    }

    private static Resolution ResolveSeason(Match match, DateOnly spokenOn) =>
        ResolveAnnualSpan(match, spokenOn, SeasonFirstMonths[match.Groups["season"].Value], 3, DuePrecision.Season);

    /// <summary>
    /// Resolves a run of whole months that comes round every year (a month, a month range, a quarter, a half-year,
    /// a season) from the year given with it, or else from its nearest occurrence to the meeting date.
    /// </summary>
    private static Resolution ResolveAnnualSpan(Match match, DateOnly spokenOn, int firstMonth, int months, DuePrecision precision)
    {
        var isThis = match.Groups["this"].Success;
        var isNext = match.Groups["next"].Success;

        if (ReferencedYear(match, spokenOn) is { } year)
        {
            if (isThis || isNext)
            {
                return Resolution.Invalid("give either a year or 'this'/'next', not both.");
            }

            var (first, last) = AnnualSpan(year, firstMonth, months);
            return Resolution.Window(precision, first, last);
        }

        // Start a year early: a span that began last year (winter) may still be running on the meeting date.
        var candidateYear = spokenOn.Year - 1;
        var (start, end) = AnnualSpan(candidateYear, firstMonth, months);
        while (isNext ? start <= spokenOn : end < spokenOn)
        {
            (start, end) = AnnualSpan(++candidateYear, firstMonth, months);
        }

        return Resolution.Window(precision, isThis && start < spokenOn ? spokenOn : start, end);
    }

    private static (DateOnly Start, DateOnly End) AnnualSpan(int year, int firstMonth, int months)
    {
        var start = new DateOnly(year, firstMonth, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    private static int? ReferencedYear(Match match, DateOnly spokenOn) =>
        match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture)
        : match.Groups["thisYear"].Success ? spokenOn.Year
        : match.Groups["nextYear"].Success ? spokenOn.Year + 1
        : match.Groups["afterNext"].Success ? spokenOn.Year + 2
        : null;

    // Every spelling the patterns accept ("Sept", "Oct.", "October") starts with the three-letter abbreviation.
    private static int MonthNumber(string name) => MonthNumbers[name[..3]];

    private static string MonthTitle(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RefersToPast(string given, DateOnly? ended, DateOnly spokenOn) =>
        $"'{given}' refers to the past{(ended is { } day ? $" (it ended on {Iso(day)})" : string.Empty)}, "
        + $"so it cannot be a due date: a commitment made at the meeting on {Iso(spokenOn)} is due on or after that day.";

    [GeneratedRegex(@"[\u2010-\u2015\u2212]", Options)]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s+", Options)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(?:the\s+)?(?:year-end|year\s+end|end-of-year)$", Options)]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"^(?<deadline>by|until|till|before)\s+(?:the\s+)?new\s+year$", Options)]
    private static partial Regex NewYearDeadline();

    [GeneratedRegex(@"\b(?:the\s+)?mid-?\s?year$", Options)]
    private static partial Regex MidYear();

    [GeneratedRegex(@"^later\s+(?:this|in\s+the|in\s+this)\s+year$", Options)]
    private static partial Regex LaterThisYear();

    // Words that may precede any form; the deadline ones make the window start at the meeting.
    [GeneratedRegex(
        @"^(?:(?<deadline>by|until|till|before|no\s+later\s+than|not\s+later\s+than)|in|within|during|throughout|over|on|at|for|from|sometime(?:\s+in)?|some\s+time\s+in)\s+",
        Options)]
    private static partial Regex LeadingWordPattern();

    [GeneratedRegex(
        @"^(?:(?:the\s+)?(?:near|nearest|foreseeable|not\s+too\s+distant)\s+future|(?:very\s+)?soon|shortly|(?:the\s+)?coming\s+(?:years|months|weeks|days)|(?:the\s+)?(?:next|coming)\s+(?:few|several)\s+(?:years|months|weeks|days)"
        + @"|(?:the\s+)?(?:long|medium)\s+(?:term|run)|due\s+course|as\s+soon\s+as\s+possible|asap)$",
        Options)]
    private static partial Regex OpenPattern();

    [GeneratedRegex(
        @"^(?:(?:the\s+)?(?:last|previous|past)\s+(?:week|month|quarter|year|spring|summer|autumn|fall|winter)"
        + @"|(?:the\s+)?(?:last|previous|past)\s+(?:\w+\s+)?(?:days|weeks|months|years)"
        + @"|(?:the\s+)?year\s+before\s+last|(?:the\s+)?past|yesterday|earlier(?:\s+this\s+(?:week|month|quarter|year))?|.+\s+ago)$",
        Options)]
    private static partial Regex PastPattern();

    [GeneratedRegex(@"^(?:(?<today>today)|(?<after>(?:the\s+)?day\s+after\s+tomorrow)|(?<tomorrow>tomorrow))$", Options)]
    private static partial Regex DayWordPattern();

    // "2024-2026", "2024 to 2026", "2024 through 2026" (years only; the calendar years in between are included).
    [GeneratedRegex(@"^(?<year>[1-9]\d{3})(?:\s*-\s*|\s+(?:to|through|until|till|and)\s+)(?<last>[1-9]\d{3})$", Options)]
    private static partial Regex YearRangePattern();

    // "this year and the next one", "this and next year": a range of years, both ends kept, from the meeting on.
    [GeneratedRegex(@"^(?:(?:this|the\s+current)\s+year\s+and\s+(?:the\s+)?next(?:\s+(?:one|year))?|this\s+and\s+(?:the\s+)?next\s+years?)$", Options)]
    private static partial Regex ThisAndNextYearPattern();

    [GeneratedRegex(@"^(?:the\s+)?end\s+of\s+(?<rest>.+)$", Options)]
    private static partial Regex EndOfPattern();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$", Options)]
    private static partial Regex IsoDatePattern();

    // "1 October 2024", "1st of Oct. 2024", "October 1, 2024", "10 October" (no year: the next one).
    [GeneratedRegex(
        @"^(?:the\s+)?(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + MonthName + @")"
        + @"|(?<month>" + MonthName + @")\s+(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?)"
        + @"(?:,?\s+(?:of\s+)?" + YearReference + ")?$",
        Options)]
    private static partial Regex DayMonthPattern();

    // "20-21 September", "the 20th to the 22nd of September", "September 20-22, 2025".
    [GeneratedRegex(
        @"^(?:the\s+)?(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|and|through|till|until)\s*(?:the\s+)?(?<last>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + MonthName + @")"
        + @"|(?<month>" + MonthName + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|and|through|till|until)\s*(?<last>\d{1,2})(?:st|nd|rd|th)?)"
        + @"(?:,?\s+(?:of\s+)?" + YearReference + ")?$",
        Options)]
    private static partial Regex DayRangePattern();

    // "the five-year period", "the current five-year plan", "the next five-year period", "the new five-year term".
    [GeneratedRegex(@"^(?:the\s+)?(?:(?:this|current|present)\s+|(?<next>next|coming|following)\s+|(?<new>new)\s+)?five-?\s?year\s+(?:period|plan|term)$", Options)]
    private static partial Regex FiveYearPeriodPattern();

    // "half a year", "a half year": six months.
    [GeneratedRegex(@"\b(?:half\s+a|a\s+half)\s+year\b", Options)]
    private static partial Regex HalfAYear();

    // "this quarter", "next month", "the coming week".
    [GeneratedRegex(
        @"^(?:(?<next>(?:the\s+)?(?:next|coming|following))|(?:the\s+)?(?:this|current)|the)\s+(?<unit>week|month|quarter)$",
        Options)]
    private static partial Regex RelativePeriodPattern();

    // "five years", "6 months", "the next two years", "two years' time".
    [GeneratedRegex(
        @"^(?:(?:the\s+)?(?:next|coming)\s+)?(?<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?)"
        + @"(?:\s*(?:-|to|or)\s*(?<upto>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten))?\s+"
        + @"(?<unit>day|week|month|year)s?(?:['’]?s?\s+time)?$",
        Options)]
    private static partial Regex CountedSpanPattern();

    [GeneratedRegex("^" + YearReference + "$", Options)]
    private static partial Regex YearPattern();

    // "early April", "mid-April 2025", "the middle of April", "late April".
    [GeneratedRegex(
        @"^(?:the\s+)?(?<part>early|mid|middle\s+of|late|beginning\s+of|start\s+of)(?:\s*-\s*|\s+)(?:the\s+)?(?<first>" + MonthName + ")" + OptionalYear + "$",
        Options)]
    private static partial Regex PartOfMonthPattern();

    // "early 2025", "mid-2025", "the beginning of next year", "late this year".
    [GeneratedRegex(@"^(?:the\s+)?(?<part>early|mid|middle\s+of|late|beginning\s+of|start\s+of)(?:\s*-\s*|\s+)" + YearReference + "$", Options)]
    private static partial Regex PartOfNamedYearPattern();

    // "October", "October 2024", "September-October", "November to February 2024".
    [GeneratedRegex(
        SpanLead + @"(?<first>" + MonthName + @")(?:(?:\s*-\s*|\s+(?:to|through|until|till|and)\s+)(?<last>" + MonthName + "))?"
        + OptionalYear + "$",
        Options)]
    private static partial Regex MonthSpanPattern();

    // Quarters and half-years: "Q3 2024", "the 3rd quarter of 2024", "H1 2024", "second half of the year".
    [GeneratedRegex(
        SpanLead + @"(?:(?<kind>q|h)(?<number>\d)"
        + @"|(?<ordinal>first|1st|second|2nd|third|3rd|fourth|4th|last|final|latter)\s+(?<kind>quarter|half))"
        + OptionalYear + "$",
        Options)]
    private static partial Regex PartOfYearPattern();

    // "early summer", "mid-autumn 2024", "the beginning of next spring", "late winter".
    [GeneratedRegex(
        @"^(?:the\s+)?(?<part>early|mid|middle\s+of|late|beginning\s+of|start\s+of)(?:\s*-\s*|\s+)(?:the\s+)?(?:(?<this>this|current)\s+|(?<next>next|coming|following)\s+)?(?<season>spring|summer|autumn|fall|winter)" + OptionalYear + "$",
        Options)]
    private static partial Regex PartOfSeasonPattern();

    [GeneratedRegex(SpanLead + @"(?<season>spring|summer|autumn|fall|winter)" + OptionalYear + "$", Options)]
    private static partial Regex SeasonPattern();

    private readonly record struct Resolution(
        Outcome Outcome,
        DuePrecision Precision,
        DateOnly? Earliest,
        DateOnly? Latest,
        string? Problem)
    {
        public static Resolution Unrecognised => new(Outcome.Unrecognised, default, null, null, null);

        public static Resolution Past => new(Outcome.Past, default, null, null, null);

        public static Resolution Window(DuePrecision precision, DateOnly? earliest, DateOnly? latest) =>
            new(Outcome.Window, precision, earliest, latest, null);

        public static Resolution OnDay(DateOnly day) => Window(DuePrecision.Day, day, day);

        public static Resolution Invalid(string problem) => new(Outcome.Invalid, default, null, null, problem);
    }
}
