using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Commands.ProposePassage;

/// <summary>
/// Adds to a meeting's review a passage of its record the analyst chose: a commitment the extractor missed. The
/// extractor reads the chosen words as it reads its own proposals (kind, modality, sides, due phrase, sums, title), so
/// the analyst checks a reading instead of filling an empty form (ADR 0116). The proposal cites exactly those words.
/// </summary>
[Requires(Access.Write)]
public sealed record ProposePassageCommand(string MeetingIdOrCode, Guid DocumentId, int Start, int End) : ICommand<CandidateDto>;

/// <summary>The body of a request to propose a passage: the record (document) and the chosen words' offsets in it.</summary>
public sealed record PassageChoice(Guid DocumentId, int Start, int End);

public sealed class ProposePassageValidator : AbstractValidator<ProposePassageCommand>
{
    /// <summary>One undertaking's words, not the record: as long as a commitment's summary may be.</summary>
    public const int MaxPassageLength = Commitment.MaxSummaryLength;

    public ProposePassageValidator()
    {
        RuleFor(x => x.MeetingIdOrCode).NotEmpty();
        RuleFor(x => x.DocumentId).NotEmpty().WithMessage("Name the record (document) the passage is in.");
        RuleFor(x => x.Start).GreaterThanOrEqualTo(0).WithMessage("'Start' is a character offset into the record: 0 or more.");
        RuleFor(x => x.End).GreaterThan(x => x.Start).WithMessage("'End' must come after 'Start': choose at least one character.")
            .Must((x, end) => end - x.Start <= MaxPassageLength)
            .WithMessage($"Choose the words of one commitment: at most {MaxPassageLength.ToString("N0", CultureInfo.InvariantCulture)} characters.");
    }
}

public sealed class ProposePassageHandler(IApplicationDbContext db) : ICommandHandler<ProposePassageCommand, CandidateDto>
{
    public async ValueTask<CandidateDto> Handle(ProposePassageCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Documents).Include(m => m.Participants)
            .Where(Lookup.MeetingKey(command.MeetingIdOrCode)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Meeting", command.MeetingIdOrCode);
        var document = meeting.Documents.FirstOrDefault(d => d.Id == command.DocumentId)
            ?? throw Invalid.Field("documentId", $"Meeting {meeting.Code} has no record with that id.");
        var text = document.Text;
        if (command.End > text.Length)
        {
            throw Invalid.Field("end", $"The record has {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters: the passage must end inside it.");
        }

        // White space at either end is not part of the words (a drag often takes the space after a sentence).
        var (start, end) = (command.Start, command.End);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            throw Invalid.Field("start", "The chosen passage holds only white space: choose the words of the commitment.");
        }

        // The passages are a JSON column: a record's proposals are read whole (tens, not thousands).
        var proposals = await db.ImportCandidates.Where(c => c.DocumentId == document.Id).ToListAsync(cancellationToken);
        if (proposals.FirstOrDefault(c => c.Passages.Any(p => p.Start == start && p.End == end)) is { } same)
        {
            throw new DuplicateException($"These words are already a proposal, “{same.SuggestedTitle}” ({same.Decision.ToString().ToLowerInvariant()}).");
        }

        var request = await db.RecordReadingAsync(meeting, document, proposals.Select(c => c.Issuer).FirstOrDefault(i => i is not null), cancellationToken);
        var read = Extractor.ReadPassage(request, start, end, cancellationToken)
            ?? throw Invalid.Field("documentId", $"This record's language ({document.Language}) is not one the extractor reads: capture the commitment by hand.");

        var proposal = CandidateProposals.Proposal(meeting, document, read, request.Speaker);
        db.ImportCandidates.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        var dto = CandidateDto.From(proposal);
        dto.Due = DueWindowParser.TryParse(proposal.DuePhrase, meeting.Date, out var due, out _) ? DueWindowDto.From(due) : null;
        return dto;
    }
}
