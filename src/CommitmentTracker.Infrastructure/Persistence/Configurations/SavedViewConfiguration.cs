using CommitmentTracker.Domain.SavedViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(SavedView.MaxNameLength);
        builder.Property(v => v.Owner).HasMaxLength(SavedView.MaxOwnerLength);
        builder.Property(v => v.OwnerName).HasMaxLength(SavedView.MaxOwnerNameLength);
        builder.Property(v => v.Query).HasMaxLength(SavedView.MaxQueryLength);

        // A person's names are unique: the handler says so first, and this keeps two racing saves from both winning.
        builder.HasIndex(v => new { v.Owner, v.Name }).IsUnique();

        // The menu lists everyone's shared views.
        builder.HasIndex(v => v.Shared);
    }
}
