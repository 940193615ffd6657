using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.GetDocument;
using CommitmentTracker.Application.Meetings.Queries.GetMeeting;
using CommitmentTracker.Application.Meetings.Queries.ListMeetings;
using CommitmentTracker.Application.Meetings.Queries.PreviewDateChange;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

public static class MeetingEndpoints
{
    public static void MapMeetings(this IEndpointRouteBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapGet("/", ListMeetings).WithName(nameof(ListMeetings))
            .WithSummary("List meetings, newest first")
            .WithDescription("q: text in code, title or place; from/to: meeting date range. Paged with a total count.")
            .ProducesValidationProblem();
        meetings.MapPost("/", CreateMeeting).WithName(nameof(CreateMeeting)).Sets(ResponseHeader.ETag)
            .WithSummary("Record a meeting, optionally with its published text")
            .WithDescription("Codes are unique (409 when taken). Participants name parties by key; an optional text is stored unchanged as the meeting's document, and the response carries the new meeting's ETag and its Location.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapGet("/{idOrCode}", GetMeeting).WithName(nameof(GetMeeting))
            .WithSummary("Get a meeting with participants, documents and its commitments")
            .WithDescription("By id or code. Answers 304 to an If-None-Match that matches its ETag; send that ETag as If-Match when you revise the meeting.")
            .Produces<MeetingDetailDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        meetings.MapPut("/{idOrCode}", UpdateMeeting).WithName(nameof(UpdateMeeting))
            .WithSummary("Revise a meeting's description and participants (requires If-Match)")
            .WithDescription("A changed date re-resolves the due phrases of the meeting's commitments; when that moves any deadline later only a manager may make it (403 otherwise; see date-change for a preview). Code and documents do not change.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        meetings.MapGet("/{idOrCode}/date-change", PreviewDateChange).WithName(nameof(PreviewDateChange))
            .WithSummary("Preview a new meeting date: which due windows it would move, and whether that needs a manager")
            .WithDescription("Nothing is saved. Lists each commitment whose due phrase would resolve to a different window on the given date, and says whether any deadline would move later (which only a manager may do).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var documents = api.MapGroup("/documents").WithTags("Meetings");
        documents.MapGet("/{id:guid}", GetDocument).WithName(nameof(GetDocument))
            .WithSummary("A source document's metadata (title, URL, language, SHA-256, length)")
            .WithDescription("Metadata only; fetch the text from /documents/{id}/text. The SHA-256 identifies the exact text the spans index into.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapGet("/{id:guid}/text", GetDocumentText).WithName(nameof(GetDocumentText)).Sets(ResponseHeader.ETag)
            .WithSummary("A source document's text exactly as stored (text/plain; span offsets index into it)")
            .WithDescription("The stored text as text/plain in UTF-8, unchanged since import, so every span's start and end offsets (in UTF-16 code units) index into it.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound);

    }

    public static async Task<Ok<PagedResult<MeetingSummaryDto>>> ListMeetings(string? q, DateOnly? from, DateOnly? to, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMeetingsQuery(q, from, to, page ?? 1, pageSize ?? PagedResult<MeetingSummaryDto>.DefaultPageSize), ct));

    public static async Task<CreatedAtRoute<MeetingDetailDto>> CreateMeeting(CreateMeetingCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETagOf(created);
        return TypedResults.CreatedAtRoute(created, nameof(GetMeeting), new { idOrCode = created.Code });
    }

    public static async Task<IResult> GetMeeting(string idOrCode, ISender sender, HttpContext http, CancellationToken ct)
    {
        var meeting = await sender.Send(new GetMeetingQuery(idOrCode), ct);
        return ETags.OkOrNotModified(http, meeting, ETagOf(meeting));
    }

    public static async Task<Ok<MeetingDetailDto>> UpdateMeeting(string idOrCode, MeetingDraft changes, ISender sender, HttpContext http, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateMeetingCommand(idOrCode, ETags.VersionFrom(http.Request), changes), ct);
        http.Response.Headers.ETag = ETagOf(updated);
        return TypedResults.Ok(updated);
    }

    public static async Task<Ok<DateChangePreview>> PreviewDateChange(string idOrCode, DateOnly? date, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PreviewDateChangeQuery(idOrCode, date ?? default), ct));

    public static async Task<Ok<DocumentDto>> GetDocument(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDocumentQuery(id), ct));

    public static async Task<IResult> GetDocumentText(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var document = await sender.Send(new GetDocumentTextQuery(id), ct);
        http.Response.Headers.ETag = $"\"{document.Sha256}\"";
        return TypedResults.Text(document.Text, "text/plain; charset=utf-8");
    }

    // The detail embeds the meeting's commitments, so their versions are part of the tag; versions only grow,
    // so the sum changes whenever any of them does.
    private static string ETagOf(MeetingDetailDto m) => ETags.For(m.Version, m.Commitments.Count, m.Commitments.Sum(c => c.Version));
}
