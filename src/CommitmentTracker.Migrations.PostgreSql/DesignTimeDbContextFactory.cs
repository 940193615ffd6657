using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommitmentTracker.Migrations.PostgreSql;

/// <summary>Lets dotnet-ef build the PostgreSql model without starting the app or reaching a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create();

    public static AppDbContext Create()
    {
        var settings = new DatabaseSettings(DatabaseProvider.PostgreSql, DesignTimeConnectionString, MigrateOnStartup: false, Seed: false, SeedDirectory: string.Empty);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseConfiguredProvider(settings);
        return new AppDbContext(builder.Options);
    }

    // Never opened: scripting and adding migrations need no server.
    private const string DesignTimeConnectionString = "Host=localhost;Database=commitment_tracker;Username=commitment_tracker";
}
