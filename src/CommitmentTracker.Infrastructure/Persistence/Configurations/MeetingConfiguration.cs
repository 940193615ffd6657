using CommitmentTracker.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(Meeting.MaxCodeLength);
        builder.Property(m => m.Title).HasMaxLength(Meeting.MaxTitleLength);
        builder.Property(m => m.Place).HasMaxLength(Meeting.MaxPlaceLength);
        builder.Property(m => m.Summary).HasMaxLength(Meeting.MaxSummaryLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.Date);

        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Documents).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.Property(p => p.Position).HasMaxLength(Participant.MaxPositionLength);
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Title).HasMaxLength(SourceDocument.MaxTitleLength);
        builder.Property(d => d.Url).HasMaxLength(SourceDocument.MaxUrlLength);
        builder.Property(d => d.Language).HasMaxLength(SourceDocument.MaxLanguageLength);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(d => d.Sha256);
    }
}
