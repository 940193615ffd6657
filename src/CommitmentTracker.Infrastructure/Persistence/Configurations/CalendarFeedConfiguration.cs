using CommitmentTracker.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(CalendarFeed.MaxNameLength);
        builder.Property(f => f.Filter).HasMaxLength(CalendarFeed.MaxFilterLength);
        builder.Property(f => f.Owner).HasMaxLength(CalendarFeed.MaxOwnerLength);
        builder.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.TokenHashLength).IsFixedLength().IsUnicode(false);

        // Every poll finds its feed by the token's hash.
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.Owner);
    }
}
