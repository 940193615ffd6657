using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class ImportCandidateConfiguration : IEntityTypeConfiguration<ImportCandidate>
{
    public void Configure(EntityTypeBuilder<ImportCandidate> builder)
    {
        builder.Property(c => c.SuggestedTitle).HasMaxLength(ImportCandidate.MaxTitleLength);
        builder.Property(c => c.DuePhrase).HasMaxLength(200);
        builder.Property(c => c.Cue).HasMaxLength(100);
        builder.Property(c => c.DecidedBy).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(ImportCandidate.MaxLanguageLength);
        builder.Property(c => c.Issuer).HasMaxLength(Domain.Parties.Party.MaxKeyLength);
        builder.Property(c => c.NewParty).HasMaxLength(ImportCandidate.MaxNewPartyLength);

        // A decision is taken once: two analysts (or an accept and a merge) deciding the same proposal at the same moment
        // would both see it open; the update is made only where the decision is still the one that was read, so the
        // second is a concurrency conflict (409) and, for an accept, its commitment is rolled back with it.
        builder.Property(c => c.Decision).IsConcurrencyToken();

        // The passages are read and written with their proposal, never queried apart: one JSON column.
        builder.OwnsMany(c => c.Passages, p => p.ToJson());
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SourceDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.NoAction);

        // One candidate per passage of a document: a rejected passage is never proposed again.
        builder.HasIndex(c => new { c.DocumentId, c.Start, c.End }).IsUnique();
        builder.HasIndex(c => new { c.MeetingId, c.Decision });
    }
}
