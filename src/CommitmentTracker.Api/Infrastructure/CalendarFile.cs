using System.Globalization;
using System.Text;
using CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;
using CommitmentTracker.Domain.Commitments;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// Writes a calendar feed as RFC 5545 iCalendar: one all-day event per commitment spanning its due window. The
/// output depends only on the data (DTSTAMP is the commitment's last change, not "now"), so the same data gives
/// the same bytes and the ETag can be their hash. UID is stable per commitment and SEQUENCE / LAST-MODIFIED follow
/// its version, so calendar apps update the event in place when its status changes.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // How often clients that honour it should poll (RFC 7986; X-PUBLISHED-TTL for Outlook and older clients).
    private const string RefreshInterval = "PT1H";

    public static byte[] Write(CalendarFeedContent feed, Uri appBase)
    {
        var calendar = new IcalCalendar { Method = CalendarMethods.Publish, ProductId = "-//CommitmentTracker//Due windows//EN" };
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        calendar.Events.AddRange(feed.Events.Select(e => Event(e, appBase)));
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    private static string Uid(Guid commitmentId) => $"{commitmentId}@commitment-tracker";

    private static CalendarEvent Event(DueWindowEvent e, Uri appBase)
    {
        var page = new Uri(appBase, $"commitments/{Uri.EscapeDataString(e.Code)}");
        var changed = new CalDateTime(e.UpdatedAt.UtcDateTime);
        var status = Humanised(e.Status);
        var description = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Due: {e.DuePhrase} ({e.First:yyyy-MM-dd} to {e.Last:yyyy-MM-dd})\n")
            .Append(CultureInfo.InvariantCulture, $"Status: {status}\n");
        if (e.Quote is { Length: > 0 } quote)
        {
            description.Append(CultureInfo.InvariantCulture, $"\n“{quote}”\n");
        }

        description.Append(CultureInfo.InvariantCulture, $"\n{page}");
        return new CalendarEvent
        {
            Uid = Uid(e.CommitmentId),
            Summary = $"{e.Code} {e.Title} ({status})",
            Description = description.ToString(),
            Url = page,
            // All-day dates; DTEND is exclusive, so the window's last day is included (a window to the calendar's
            // last day has no day after it, and ends on that day).
            Start = new CalDateTime(e.First),
            End = new CalDateTime(e.Last < DateOnly.MaxValue ? e.Last.AddDays(1) : e.Last),
            Sequence = (int)Math.Min(e.Version, int.MaxValue),
            LastModified = changed,
            DtStamp = changed,
            Status = StatusOf(e.Status),
            // A window of months must not block anyone's free/busy time.
            Transparency = TransparencyType.Transparent,
        };
    }

    // Not yet confirmed → tentative; dropped (withdrawn, superseded) → cancelled; otherwise the window stands.
    private static string StatusOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Captured => EventStatus.Tentative,
        LifecycleStatus.Withdrawn or LifecycleStatus.Superseded => EventStatus.Cancelled,
        _ => EventStatus.Confirmed,
    };

    // "PartiallyFulfilled" → "Partially fulfilled".
    private static string Humanised(LifecycleStatus status)
    {
        var name = status.ToString();
        var text = new StringBuilder().Append(name[0]);
        foreach (var c in name.AsSpan(1))
        {
            text.Append(char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString());
        }

        return text.ToString();
    }
}
