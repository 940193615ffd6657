using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Commitment.MaxCodeLength);
        builder.Property(c => c.Title).HasMaxLength(Commitment.MaxTitleLength);
        builder.Property(c => c.Summary).HasMaxLength(Commitment.MaxSummaryLength);
        builder.Property(c => c.DuePhrase).HasMaxLength(DueWindow.MaxPhraseLength);
        builder.Property(c => c.Owner).HasMaxLength(Commitment.MaxOwnerLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Due);
        builder.Ignore(c => c.IsClosed);

        // Every filter and sort the API offers has an index. (due, status) covers the overdue count and list
        // (a range on the due date, the status read from the index); (status, due) serves a status filter.
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.CurrentStatus, c.DueLatest });
        builder.HasIndex(c => new { c.DueLatest, c.CurrentStatus });
        // A kind with a due range or the overdue test (decision 0140): the kind's rows in due order, the status read
        // from the index, so the bounded count reads only matches (a kind alone was 143,000 table lookups at 1 M).
        builder.HasIndex(c => new { c.Kind, c.DueLatest, c.CurrentStatus });

        // Chosen from the query plans at a million rows (decision 0023): a status + kind filter reads its first page
        // and its bounded count from (status, kind, code) in code order; the overdue list and the due sort (and their
        // after= cursors) walk (due, code) in order and stop after a page instead of sorting every open item.
        builder.HasIndex(c => new { c.CurrentStatus, c.Kind, c.Code });
        // It carries the update time as well (decision 0150): a due range in updated order is read from it and sorted.
        builder.HasIndex(c => new { c.DueLatest, c.Code, c.CurrentStatus, c.UpdatedAt });

        // sort=-due orders by due date descending, then code ascending (ties: 31,830 items share 30 June 2025 at a
        // million). Walking (due, code) backwards gives codes descending, so the engine sorted each tie group for
        // every page; this index is in exactly the list's order (decision 0028).
        builder.HasIndex(c => new { c.DueLatest, c.Code }, "IX_Commitments_DueLatest_Descending_Code").IsDescending(true, false);

        // The grid's status, kind and meeting-date headers (decision 0141): each sort is its column, then code, so a page
        // is read in that order instead of sorting a million rows (0.4–0.65 s at 1 M). A meeting's rows in code order
        // follow the meetings' date index; the same index serves a meeting filter. The title header's index costs 2 % of
        // the file at 1 M (58 MB), against 0.4–0.9 s for each sorted page without it (decision 0144).
        builder.HasIndex(c => new { c.CurrentStatus, c.Code });
        builder.HasIndex(c => new { c.Kind, c.Code });
        builder.HasIndex(c => new { c.MeetingId, c.Code });
        builder.HasIndex(c => new { c.Title, c.Code });
        builder.HasIndex(c => c.IssuerPartyId);

        // The updated header walks this index and tests a status, a due range or the overdue rule in it (decision 0149).
        // They follow the time of the last change (the newest updates are rarely still Captured, or due long ago), so
        // the walk passed hundreds of thousands of rows before a page, and read each one to test it: 0.1–0.8 s at 1 M.
        builder.HasIndex(c => new { c.UpdatedAt, c.CurrentStatus, c.DueLatest });

        // "My commitments" (owner=me) reads one person's items in code order.
        builder.HasIndex(c => new { c.Owner, c.Code });

        builder.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Issuer).WithMany().HasForeignKey(c => c.IssuerPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Responsibilities).WithOne().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Spans).WithOne().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.StatusLog).WithOne().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Target).WithOne().HasForeignKey<Target>(t => t.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Responsibilities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Spans).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.StatusLog).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ResponsibilityConfiguration : IEntityTypeConfiguration<Responsibility>
{
    public void Configure(EntityTypeBuilder<Responsibility> builder)
    {
        builder.HasOne(r => r.Party).WithMany().HasForeignKey(r => r.PartyId).OnDelete(DeleteBehavior.Restrict);
        // The party's commitments by (party, commitment), with their status, kind and last due day (copies kept by the
        // commitment's trigger, decision 0145): a party with another criterion is read and counted from this index
        // alone, where probing each of the party's commitments in the table cost 0.15 s for 34,000 at a million.
        builder.HasIndex(r => new { r.PartyId, r.CommitmentId, r.CommitmentStatus, r.CommitmentKind, r.CommitmentDueLatest }, ResponsibilityMirror.PartyIndex);
    }
}

internal sealed class SourceSpanConfiguration : IEntityTypeConfiguration<SourceSpan>
{
    public void Configure(EntityTypeBuilder<SourceSpan> builder)
    {
        builder.ToTable("SourceSpans");
        builder.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StatusEntryConfiguration : IEntityTypeConfiguration<StatusEntry>
{
    public void Configure(EntityTypeBuilder<StatusEntry> builder)
    {
        builder.ToTable("StatusEntries");
        builder.Property(e => e.Author).HasMaxLength(StatusEntry.MaxAuthorLength);
        builder.Property(e => e.Rationale).HasMaxLength(StatusEntry.MaxRationaleLength);

        // One row per position in the log: a concurrent append that lost the race cannot take the same place.
        builder.HasIndex(e => new { e.CommitmentId, e.Sequence }).IsUnique();

        // Covers "the last entry of each commitment in effect on day D" without reading the rows.
        builder.HasIndex(e => new { e.CommitmentId, e.EffectiveOn, e.Sequence, e.Status });

        builder.HasMany(e => e.EvidenceFiles).WithOne().HasForeignKey(f => f.StatusEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.EvidenceFiles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.Property(f => f.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        builder.Property(f => f.ContentType).HasMaxLength(EvidenceFile.MaxContentTypeLength);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();

        // The commitment is named as well as the entry: a download is looked up by (commitment, file), and the audit
        // trail files the record under the commitment's code. No cascade from it: SQL Server refuses a second cascade
        // path to the same row, and the entry's cascade already covers it (commitments are never deleted anyway).
        builder.HasOne<Commitment>().WithMany().HasForeignKey(f => f.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CommitmentId, f.Id });
        builder.HasIndex(f => new { f.StatusEntryId, f.Ordinal }).IsUnique();
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("Targets");
        builder.Property(t => t.Metric).HasMaxLength(Target.MaxMetricLength);
        builder.Property(t => t.Unit).HasMaxLength(Target.MaxUnitLength);
        builder.Property(t => t.BaselineNote).HasMaxLength(Target.MaxNoteLength);
        builder.HasMany(t => t.Observations).WithOne().HasForeignKey(o => o.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Observations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("Observations");
        builder.Property(o => o.Source).HasMaxLength(Observation.MaxSourceLength);
    }
}
