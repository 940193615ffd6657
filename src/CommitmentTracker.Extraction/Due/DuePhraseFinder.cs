using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction;

/// <summary>
/// Finds time expressions in a sentence and keeps those <see cref="DueWindowParser"/> accepts against the meeting
/// date (so past ones such as "in 2020" or "last year" drop out). Deadline words ("by", "until", "before") and the
/// "in" of open or counted phrases ("in the near future", "in five years") are kept; a plain "in"/"during" before a
/// season, month or year is not ("autumn 2024").
/// </summary>
internal static partial class DuePhraseFinder
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Month names must be capitalised so that the modal "may" and the verb "march" are not read as months.
    private const string Month =
        @"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";

    private const string Year = @"(?:19|20)\d{2}";

    private const string YearRef = @"(?:" + Year + @"|(?:the\s+|this\s+|next\s+|the\s+next\s+|the\s+coming\s+)?year)";

    private const string Count = @"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|an)";

    public static string? Find(string sentence, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (Match match in TimeExpression().Matches(sentence))
        {
            var core = match.Groups["core"].Value;
            var lead = match.Groups["lead"];
            if (match.Groups["span"].Success && !lead.Success)
            {
                // "1.5-2 years", "once a year": a count of units is a due phrase only after "in"/"within"/"by".
                continue;
            }

            var keepLead = lead.Success && (match.Groups["deadline"].Success || match.Groups["open"].Success || match.Groups["span"].Success);
            var phrase = keepLead ? match.Value : core;
            if (DueWindowParser.TryParse(phrase, meetingDate, out _, out _))
            {
                return phrase;
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"\b(?:(?<lead>(?<deadline>by|until|till|before|no\s+later\s+than|not\s+later\s+than)|in|within|during|over)\s+)?(?<core>"
        + @"(?<open>(?:the\s+)?(?:near|foreseeable|not\s+too\s+distant)\s+future|the\s+coming\s+(?:months|years)|due\s+course)"
        + @"|(?:the\s+)?end\s+of\s+(?:" + YearRef + @"|(?:the\s+|this\s+|next\s+)?(?:month|quarter)|" + Month + @"(?:\s+" + Year + @")?)"
        + @"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:quarter|half)\s+of\s+" + YearRef
        + @"|(?-i:Q[1-4]|H[12])\s+" + Year
        + @"|(?:(?:next|this|the\s+coming)\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + @")?"
        + @"|(?:the\s+)?(?:autumn|spring|summer|winter|fall)\s+of\s+" + Year
        + @"|" + Month + @"(?:\s*[-–]\s*" + Month + @")?(?:\s+" + Year + @")?"
        + @"|(?<span>(?:the\s+next\s+)?" + Count + @"\s+(?:days?|weeks?|months?|years?)(?:['’]?\s+time)?)"
        + @"|(?:next|this|the\s+coming)\s+(?:year|month|quarter|week)"
        + @"|" + Year
        + @"|soon|shortly"
        + @")\b",
        Options)]
    private static partial Regex TimeExpression();
}
