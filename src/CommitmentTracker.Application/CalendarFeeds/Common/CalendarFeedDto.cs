using System.Text.Json;
using System.Text.Json.Serialization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Calendar;

namespace CommitmentTracker.Application.CalendarFeeds.Common;

/// <summary>A calendar feed as its owner sees it; the token is never part of it (only its hash is kept).</summary>
public sealed record CalendarFeedDto(
    Guid Id,
    string Name,
    CommitmentFilter Filter,
    string Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset TokenIssuedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public static CalendarFeedDto From(CalendarFeed feed) =>
        new(feed.Id, feed.Name, SavedFilter.Read(feed.Filter), feed.Owner, feed.CreatedAt, feed.TokenIssuedAt, feed.RevokedAt);
}

/// <summary>A feed with the token of its subscription address: returned once, at creation or rotation.</summary>
public sealed record IssuedCalendarFeed(CalendarFeedDto Feed, string Token);

/// <summary>
/// The subscription address both adapters hand out. The API maps this route; the UI shows it, so it is written once
/// here. webcal:// makes desktop and phone calendars offer to subscribe instead of downloading the file.
/// </summary>
public static class CalendarFeedAddress
{
    public static Uri Of(Uri baseAddress, string token) => new(baseAddress, $"api/v1/calendar/{token}.ics");

    public static Uri Webcal(Uri address) => new UriBuilder(address) { Scheme = "webcal", Port = address.IsDefaultPort ? -1 : address.Port }.Uri;
}

/// <summary>
/// A <see cref="CommitmentFilter"/> as stored with a feed: JSON with enums by name, so a feed survives new filter
/// fields and reordered enum members without a data migration.
/// </summary>
public static class SavedFilter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(CommitmentFilter filter) => JsonSerializer.Serialize(filter, Options);

    public static CommitmentFilter Read(string json) => JsonSerializer.Deserialize<CommitmentFilter>(json, Options) ?? new CommitmentFilter();
}
