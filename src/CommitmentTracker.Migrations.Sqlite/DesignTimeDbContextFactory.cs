using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommitmentTracker.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the Sqlite model without starting the app or reaching a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create();

    public static AppDbContext Create()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, DesignTimeConnectionString, MigrateOnStartup: false, Seed: false, SeedDirectory: string.Empty);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseConfiguredProvider(settings);
        return new AppDbContext(builder.Options);
    }

    private const string DesignTimeConnectionString = "Data Source=design-time.db";
}
