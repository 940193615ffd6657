using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.GetMeeting;
using CommitmentTracker.Domain.Meetings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Commands.CreateMeeting;

/// <summary>The published record of the meeting, stored unchanged.</summary>
public sealed record DocumentInput(string Title, Uri? Url, string Language, string Text, DateTimeOffset? RetrievedAt);

[Requires(Access.Write)]
public sealed record CreateMeetingCommand : MeetingDraft, ICommand<MeetingDetailDto>
{
    public CreateMeetingCommand()
    {
    }

    /// <summary>A create is a draft plus its code and record; every draft field is carried over (see CreateCommitmentCommand).</summary>
    public CreateMeetingCommand(string code, MeetingDraft draft, DocumentInput? document)
        : base(draft)
    {
        Code = code;
        Document = document;
    }

    /// <summary>Human-readable key, e.g. NSK-2023; its commitments' codes start with it.</summary>
    public string Code { get; init; } = string.Empty;

    public DocumentInput? Document { get; init; }
}

public sealed class CreateMeetingValidator : AbstractValidator<CreateMeetingCommand>
{
    public CreateMeetingValidator(TimeProvider clock)
    {
        Include(new MeetingDraftValidator(clock));
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Meeting.MaxCodeLength)
            .IsCode("NSK-2023");
        RuleFor(x => x.Document!).ChildRules(d =>
        {
            d.RuleFor(x => x.Title).NotEmpty().MaximumLength(SourceDocument.MaxTitleLength);
            d.RuleFor(x => x.Language).NotEmpty().MaximumLength(SourceDocument.MaxLanguageLength);
            d.RuleFor(x => x.Text).NotEmpty().MaximumLength(SourceDocument.MaxTextLength);
            d.RuleFor(x => x.Url).IsHttpUrl();
        }).When(x => x.Document is not null);
    }
}

public sealed class CreateMeetingHandler(IApplicationDbContext db, TimeProvider clock, ISender sender) : ICommandHandler<CreateMeetingCommand, MeetingDetailDto>
{
    public async ValueTask<MeetingDetailDto> Handle(CreateMeetingCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code.Trim().ToUpperInvariant();
        if (await db.Meetings.AnyAsync(m => m.Code == code, cancellationToken))
        {
            throw Invalid.Field("code", $"A meeting with the code '{code}' already exists.");
        }

        var now = clock.GetUtcNow();
        var meeting = new Meeting(code, command.Title, command.Date, command.Place, command.Format, command.Summary, now);
        meeting.ReplaceParticipants(await db.ResolveParticipantsAsync(command.Participants, cancellationToken), now);
        if (command.Document is { } d)
        {
            meeting.AddDocument(d.Title, d.Url, d.Language, d.Text, d.RetrievedAt ?? now);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetMeetingQuery(meeting.Id.ToString()), cancellationToken);
    }
}
