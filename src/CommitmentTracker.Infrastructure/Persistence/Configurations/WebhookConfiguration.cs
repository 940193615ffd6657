using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(WebhookSubscription.MaxNameLength);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.DisabledReason).HasMaxLength(WebhookSubscription.MaxReasonLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(OutboxEvent.MaxTypeLength);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastOutcome).HasMaxLength(WebhookDelivery.MaxOutcomeLength);
        builder.HasOne<OutboxEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One delivery per event and subscription: two workers fanning out the same event cannot both succeed.
        builder.HasIndex(d => new { d.EventId, d.SubscriptionId }).IsUnique();
        // The worker's poll: pending deliveries by due time.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("DeliveryAttempts");
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxOutcomeLength);
        builder.Ignore(a => a.Outcome);
        builder.Ignore(a => a.Succeeded);
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
    }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("OutboxEvents");
        builder.Property(e => e.Type).HasMaxLength(OutboxEvent.MaxTypeLength);
        builder.HasIndex(e => e.FannedOutAt);
    }
}

internal sealed class OverdueNoticeConfiguration : IEntityTypeConfiguration<OverdueNotice>
{
    public void Configure(EntityTypeBuilder<OverdueNotice> builder)
    {
        builder.ToTable("OverdueNotices");
        builder.HasOne<Commitment>().WithMany().HasForeignKey(n => n.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxEvent>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.NoAction);

        // The once-per-window guarantee: a second check, or a second instance, cannot record the event again.
        builder.HasIndex(n => new { n.CommitmentId, n.DueLatest }).IsUnique();
    }
}
