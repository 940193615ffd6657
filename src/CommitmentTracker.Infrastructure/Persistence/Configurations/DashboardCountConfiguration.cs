using CommitmentTracker.Application.Commitments.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class DashboardCountConfiguration : IEntityTypeConfiguration<DashboardCount>
{
    public void Configure(EntityTypeBuilder<DashboardCount> builder)
    {
        builder.ToTable("DashboardCounts");
        builder.Property(c => c.Figure).HasMaxLength(DashboardCount.MaxFigureLength);
        builder.Property(c => c.Item).HasMaxLength(DashboardCount.MaxItemLength);

        // The key is what the upsert matches on; the index serves both reads of the summary (months before a day,
        // days of its month) as ranges on (WholeMonth, Day) that carry every column they sum, so no row is visited.
        builder.HasKey(c => new { c.Figure, c.Item, c.WholeMonth, c.Day });
        builder.HasIndex(c => new { c.WholeMonth, c.Day, c.Figure, c.Item, c.Change }).HasDatabaseName("IX_DashboardCounts_Period");
    }
}
