using CommitmentTracker.Domain.Accounts;
using CommitmentTracker.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
        builder.Property(k => k.OwnerId).HasMaxLength(450);
        builder.Property(k => k.OwnerName).HasMaxLength(256);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasMaxLength(32);
        builder.Property(k => k.RevokedBy).HasMaxLength(256);
        builder.Ignore(k => k.ScopeList);
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasKey(r => r.Position);
        builder.Property(r => r.Position).ValueGeneratedOnAdd();
        builder.Property(r => r.ActorId).HasMaxLength(450);
        builder.Property(r => r.ActorName).HasMaxLength(256);
        builder.Property(r => r.EntityType).HasMaxLength(64);
        builder.Property(r => r.EntityId).HasMaxLength(450);
        builder.Property(r => r.EntityKey).HasMaxLength(256);
        builder.HasIndex(r => new { r.EntityType, r.EntityId });
        builder.HasIndex(r => r.ActorId);
        builder.HasIndex(r => r.At);
    }
}
