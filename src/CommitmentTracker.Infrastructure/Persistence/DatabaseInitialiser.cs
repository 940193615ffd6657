using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Infrastructure.Accounts;
using CommitmentTracker.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and loads the seed data, as configured.</summary>
public sealed partial class DatabaseInitialiser(AppDbContext db, DatabaseSettings settings, Seeder seeder, AccountBootstrap accounts, ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        // This context lives for the start-up scope only: the long timeout never reaches a request.
        db.Database.SetCommandTimeout(settings.StartupCommandTimeout);
        if (settings.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
            LogMigrated(logger, settings.Provider);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteJournal.WriteAheadLog, ct);
        }

        // A database that had commitments before the dashboard projection existed gets it computed once.
        if (!await db.DashboardCountRows.AnyAsync(ct) && await db.Commitments.AnyAsync(ct))
        {
            LogRebuilt(logger, await db.RebuildDashboardAsync(ct));
        }

        if (settings.Seed)
        {
            await seeder.SeedAsync(settings.SeedDirectory, ct);
        }

        await accounts.EnsureAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard projection computed from {Commitments} commitments")]
    private static partial void LogRebuilt(ILogger logger, int commitments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}

public static class DatabaseInitialiserExtensions
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        // Seeding and the first administrator are the system's own work, and are audited as such.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(ct);
    }
}
