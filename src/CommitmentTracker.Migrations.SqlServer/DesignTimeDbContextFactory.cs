using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommitmentTracker.Migrations.SqlServer;

/// <summary>Lets dotnet-ef build the SqlServer model without starting the app or reaching a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create();

    public static AppDbContext Create()
    {
        var settings = new DatabaseSettings(DatabaseProvider.SqlServer, DesignTimeConnectionString, MigrateOnStartup: false, Seed: false, SeedDirectory: string.Empty);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseConfiguredProvider(settings);
        return new AppDbContext(builder.Options);
    }

    // Never opened: scripting and adding migrations need no server.
    private const string DesignTimeConnectionString = "Server=localhost;Database=CommitmentTracker;Integrated Security=true;TrustServerCertificate=true";
}
