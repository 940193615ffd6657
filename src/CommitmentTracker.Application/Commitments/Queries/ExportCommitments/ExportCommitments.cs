using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.ExportCommitments;

/// <summary>
/// Every commitment matching <see cref="Filter"/> (the list's filters and sort), as rows streamed from the database:
/// a million rows never sit in memory. The sequence is read while the caller writes it out.
/// </summary>
/// <remarks><see cref="Columns"/> names the CSV columns to write, in order (the grid's visible columns); empty means all.</remarks>
[Requires(Access.Read)]
public sealed record ExportCommitmentsQuery(CommitmentFilter Filter, string? Sort = null, IReadOnlyList<string>? Columns = null) : IQuery<IAsyncEnumerable<CommitmentExportRow>>;

public sealed record CommitmentExportRow(
    string Code,
    string Title,
    CommitmentKind Kind,
    Modality Modality,
    LifecycleStatus Status,
    string MeetingCode,
    DateOnly MeetingDate,
    string IssuerKey,
    string? LeadPartyKey,
    string? DuePhrase,
    DateOnly? DueEarliest,
    DateOnly? DueLatest,
    string? Quote,
    string? Summary,
    DateTimeOffset UpdatedAt,
    string? Owner = null)
{
    /// <summary>The export's columns, in order: the one definition of the CSV header and its values.</summary>
    public static IReadOnlyList<CsvColumn<CommitmentExportRow>> Columns { get; } =
    [
        new("code", r => r.Code),
        new("title", r => r.Title),
        new("kind", r => r.Kind),
        new("modality", r => r.Modality),
        new("status", r => r.Status),
        new("meeting", r => r.MeetingCode),
        new("meetingDate", r => r.MeetingDate),
        new("issuer", r => r.IssuerKey),
        new("lead", r => r.LeadPartyKey),
        new("duePhrase", r => r.DuePhrase),
        new("dueEarliest", r => r.DueEarliest),
        new("dueLatest", r => r.DueLatest),
        new("quote", r => r.Quote),
        new("summary", r => r.Summary),
        new("updatedAt", r => r.UpdatedAt),
        new("owner", r => r.Owner),
    ];

    /// <summary>The columns named by <paramref name="names"/>, in that order (case-insensitive); every column when none is named.</summary>
    public static IReadOnlyList<CsvColumn<CommitmentExportRow>> Choose(IReadOnlyList<string>? names) =>
        names is not { Count: > 0 }
            ? Columns
            : [.. names.Select(n => Columns.First(c => string.Equals(c.Header, n.Trim(), StringComparison.OrdinalIgnoreCase))).Distinct()];

    public static bool IsColumn(string name) => Columns.Any(c => string.Equals(c.Header, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed class ExportCommitmentsValidator : AbstractValidator<ExportCommitmentsQuery>
{
    public ExportCommitmentsValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new CommitmentFilterValidator());
        RuleFor(x => x.Sort).Must(s => string.IsNullOrWhiteSpace(s) || CommitmentSorting.IsKnown(s))
            .WithMessage($"'Sort' must be one of: {string.Join(", ", CommitmentSorting.Keys)} (prefix '-' for descending).");
        RuleForEach(x => x.Columns).Must(CommitmentExportRow.IsColumn)
            .WithMessage((_, name) => $"'{name}' is not a column of the export; the columns are: {string.Join(", ", CommitmentExportRow.Columns.Select(c => c.Header))}.");
    }
}

public sealed class ExportCommitmentsHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor) : IQueryHandler<ExportCommitmentsQuery, IAsyncEnumerable<CommitmentExportRow>>
{
    public async ValueTask<IAsyncEnumerable<CommitmentExportRow>> Handle(ExportCommitmentsQuery query, CancellationToken cancellationToken) =>
        (await db.MatchingAsync(query.Filter.ForActor(actor), clock.Today(), cancellationToken))
            .SortBy(query.Sort)
            .Select(c => new CommitmentExportRow(
                c.Code,
                c.Title,
                c.Kind,
                c.Modality,
                c.CurrentStatus,
                c.Meeting.Code,
                c.Meeting.Date,
                c.Issuer.Key,
                c.Responsibilities.Where(r => r.Role == ResponsibilityRole.Lead).Select(r => r.Party.Key).FirstOrDefault(),
                c.DuePhrase,
                c.DueEarliest,
                c.DueLatest,
                c.Spans.OrderBy(s => s.Start).Select(s => s.Quote).FirstOrDefault(),
                c.Summary,
                c.UpdatedAt,
                c.Owner))
            .AsAsyncEnumerable();
}
