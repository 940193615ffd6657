using CommitmentTracker.Domain.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitmentTracker.Infrastructure.Persistence.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(Party.MaxKeyLength);
        builder.Property(p => p.Name).HasMaxLength(Party.MaxNameLength);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FullName).HasMaxLength(Person.MaxNameLength);
        builder.Property(p => p.Position).HasMaxLength(Person.MaxPositionLength);
        builder.HasIndex(p => p.FullName);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
