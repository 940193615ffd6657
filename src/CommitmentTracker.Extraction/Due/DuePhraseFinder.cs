using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Due;

/// <summary>
/// Finds time expressions in a passage and keeps the first that <see cref="DueWindowParser"/> accepts against the
/// meeting date (so past ones such as "in 2020" or "last year" drop out). Deadline words ("by", "до", "к") and the
/// "in" of open or counted phrases are kept; a plain "in"/"в" before a season, month or year is not. The meeting's
/// own day in a news lead or dateline ("met … on 1 February", "МИНСК, 1 февраля") is the day of the words, not a
/// due date, so a phrase naming that day is skipped unless it is "today".
/// </summary>
internal static partial class DuePhraseFinder
{
    /// <summary>A day named without a year this far before the meeting is a recent day, not the same day a year on.</summary>
    private const int RecentDays = 183;

    /// <summary>How far after an open phrase ("soon") a named time may stand and still say when it is.</summary>
    private const int RefinedWithin = 12;

    public static string? Find(string sentence, DateOnly meetingDate, LanguageRules rules, int cueIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (Match match in rules.TimeExpression.Matches(sentence))
        {
            var core = match.Groups["core"].Value;
            var lead = match.Groups["lead"];
            if (match.Groups["span"].Success && !lead.Success)
            {
                // "1.5-2 years", "once a year": a count of units is a due phrase only after "in"/"within"/"by".
                continue;
            }

            // "We did X in this year, because …": a phrase inside a reason clause after the cue dates the reason.
            if (match.Index > cueIndex && rules.Because.IsMatch(sentence[cueIndex..match.Index]))
            {
                continue;
            }

            // A dateline ("MINSK, 21 June (BelTA) –", "МИНСК, 21 июня – Sputnik", "MINSK October (BelTA) –") dates the
            // report, whatever its day.
            if (Dateline().IsMatch(sentence.AsSpan(0, match.Index)) || (!lead.Success && DatelineWithoutComma().IsMatch(sentence.AsSpan(0, match.Index))))
            {
                continue;
            }

            // "at/in the end of the year" is its last month; "by the end of the year" a deadline: both keep their word.
            var keepLead = lead.Success && (match.Groups["deadline"].Success || match.Groups["open"].Success || match.Groups["span"].Success || match.Groups["endof"].Success);
            var phrase = (keepLead ? match.Value : core).Trim();
            if (!DueWindowParser.TryParse(phrase, meetingDate, out var window, out _))
            {
                continue;
            }

            // "Today" is a due day only for what is done today ("the document will be signed today", "today we must
            // sign", "today we will sign"), not in "today's turnover" or "today we agreed": it comes after the cue or is
            // followed by a duty or a future act (ADR 0130).
            if (window.Precision == DuePrecision.Day && window.Latest == meetingDate && (!match.Groups["today"].Success
                || (match.Index < cueIndex && !rules.ActAfterToday.IsMatch(sentence[(match.Index + match.Length)..]))
                || rules.PastBeforeToday.IsMatch(sentence[Math.Max(0, match.Index - 40)..match.Index])))
            {
                continue;
            }

            // "On 25 September the presidents agreed…" said on 26 September: a day without a year that has just passed
            // is that day, not the same day next year, so it dates a past act and is no due date.
            if (window.Precision == DuePrecision.Day && window.Earliest is { } day && day.Year > meetingDate.Year && !FourDigitYear().IsMatch(phrase)
                && RecentlyPassed(day, meetingDate))
            {
                continue;
            }

            // "in the near future, in 2018, during my visit": an open phrase the next words name a time for is that time,
            // unless they only guess at one ("in the near future, maybe at the beginning of autumn").
            if (window.Precision == DuePrecision.Open && Find(sentence[(match.Index + match.Length)..], meetingDate, rules) is { } named
                && sentence.IndexOf(named, match.Index + match.Length, StringComparison.Ordinal) is var at and >= 0
                && at - (match.Index + match.Length) <= RefinedWithin
                && !Guess().IsMatch(sentence.AsSpan(match.Index + match.Length, at - (match.Index + match.Length)))
                && DueWindowParser.TryParse(named, meetingDate, out var refined, out _) && refined.Precision != DuePrecision.Open)
            {
                return named;
            }

            return phrase;
        }

        return null;
    }

    private static bool RecentlyPassed(DateOnly next, DateOnly meetingDate)
    {
        if (next.Day > DateTime.DaysInMonth(meetingDate.Year, next.Month))
        {
            return false;
        }

        var sameYear = new DateOnly(meetingDate.Year, next.Month, next.Day);
        return sameYear < meetingDate && meetingDate.DayNumber - sameYear.DayNumber <= RecentDays;
    }

    // Only a place name in capitals and a comma before the date: the opening of a news agency's report.
    [GeneratedRegex(@"^\W*\p{Lu}[\p{Lu}\-\.]+(?:\s+\p{Lu}[\p{Lu}\-\.]+)*,\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\b(?:maybe|perhaps|possibly|probably|or|может|возможно|или|либо)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Guess();

    // The same without the comma, before a date with no leading word: "MINSK October (BelTA) –".
    [GeneratedRegex(@"^\W*\p{Lu}{3,}(?:\s+\p{Lu}{3,})*\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineWithoutComma();

    [GeneratedRegex(@"\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigitYear();
}
