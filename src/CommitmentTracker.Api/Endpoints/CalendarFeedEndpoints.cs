using System.Security.Cryptography;
using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Commands.RevokeCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Commands.RotateCalendarFeedToken;
using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.CalendarFeeds.Queries.GetCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Queries.ListCalendarFeeds;
using CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>A feed with its subscription address: only in the answer that issued the token.</summary>
public sealed record CalendarFeedSubscription(CalendarFeedDto Feed, Uri Url, Uri WebcalUrl);

public static class CalendarFeedEndpoints
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/calendar-feeds").WithTags("Calendar feeds");
        group.MapGet("/", ListCalendarFeeds).WithName(nameof(ListCalendarFeeds))
            .WithSummary("Your calendar feeds, newest first (revoked ones included)")
            .WithDescription("everyone=true: every person's and key's feeds, with their owner (administrators only).");
        group.MapPost("/", CreateCalendarFeed).WithName(nameof(CreateCalendarFeed))
            .WithSummary("Save a commitments filter as a calendar feed")
            .WithDescription("The filter takes the same fields as the commitments list (asOf excepted: a feed is evaluated on every poll). The answer holds the subscription address; it is shown only this once.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetCalendarFeed).WithName(nameof(GetCalendarFeed))
            .WithSummary("One of your calendar feeds (its address cannot be read again)")
            .WithDescription("Its name, filter and state. The subscription address is shown only when the feed is created or rotated.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/rotate", RotateCalendarFeedToken).WithName(nameof(RotateCalendarFeedToken))
            .WithSummary("Give a feed a new subscription address; the old one stops working")
            .WithDescription("Answers the new address once. Calendars subscribed to the old one must be given the new one.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/revoke", RevokeCalendarFeed).WithName(nameof(RevokeCalendarFeed))
            .WithSummary("Stop a feed for good; its address answers 404 from now on (administrators: anyone's feed)")
            .WithDescription("Irreversible. The feed stays listed as revoked so its owner can see what happened.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        // The token in the path is the credential: calendar apps cannot sign in or send headers.
        api.MapGet("/calendar/{token}.ics", GetCalendarFile).WithName(nameof(GetCalendarFile)).WithTags("Calendar feeds")
            .WithSummary("The iCalendar feed of a subscription address")
            .WithDescription("One all-day event per matching commitment spanning its due window (open-ended windows are left out). ETag with If-None-Match → 304. An unknown, rotated or revoked token → 404.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
    }

    public static async Task<Ok<IReadOnlyList<CalendarFeedDto>>> ListCalendarFeeds(bool? everyone, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCalendarFeedsQuery(everyone ?? false), ct));

    public static async Task<CreatedAtRoute<CalendarFeedSubscription>> CreateCalendarFeed(CreateCalendarFeedCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var issued = await sender.Send(command, ct);
        return TypedResults.CreatedAtRoute(Subscription(issued, http), nameof(GetCalendarFeed), new { id = issued.Feed.Id });
    }

    public static async Task<Ok<CalendarFeedDto>> GetCalendarFeed(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCalendarFeedQuery(id), ct));

    public static async Task<Ok<CalendarFeedSubscription>> RotateCalendarFeedToken(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(Subscription(await sender.Send(new RotateCalendarFeedTokenCommand(id), ct), http));

    public static async Task<Ok<CalendarFeedDto>> RevokeCalendarFeed(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeCalendarFeedCommand(id), ct));

    public static async Task<IResult> GetCalendarFile(string token, ISender sender, HttpContext http, CancellationToken ct)
    {
        var feed = await sender.Send(new ReadCalendarFeedQuery(token), ct);
        var ics = CalendarFile.Write(feed, AppBase(http.Request));
        // The file is a pure function of the data, so its hash changes exactly when the calendar does — including when
        // a commitment leaves the filter, which no single date would show. Last-Modified is therefore only informative.
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(ics), 0, 16)}\"";
        http.Response.Headers.ETag = etag;
        if (feed.Events.Count > 0)
        {
            http.Response.Headers.LastModified = feed.Events.Max(e => e.UpdatedAt).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        return ETags.NoneMatch(http.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(ics, CalendarFile.ContentType);
    }

    // The address holds a secret: no cache may keep the answer that carries it.
    private static CalendarFeedSubscription Subscription(IssuedCalendarFeed issued, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var url = CalendarFeedAddress.Of(AppBase(http.Request), issued.Token);
        return new CalendarFeedSubscription(issued.Feed, url, CalendarFeedAddress.Webcal(url));
    }

    private static Uri AppBase(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
