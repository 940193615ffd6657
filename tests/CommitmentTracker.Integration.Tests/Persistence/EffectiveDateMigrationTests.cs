using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommitmentTracker.Integration.Tests.Persistence;

/// <summary>Upgrading a real database: status entries recorded before effective dates take effect the UTC day they were recorded.</summary>
public sealed class EffectiveDateMigrationTests
{
    [Fact]
    public async Task Sqlite_upgrade_gives_each_existing_entry_the_UTC_day_it_was_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"ct-effective-{Guid.NewGuid():N}.db");
        try
        {
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", MigrateOnStartup: false, Seed: false, SeedDirectory: string.Empty);
            var options = new DbContextOptionsBuilder<AppDbContext>();
            options.UseConfiguredProvider(settings);
            await using var db = new AppDbContext(options.Options);
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_StatusEntryEffectiveOn", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before, ct);

            // Two entries as the old code stored them: late on 11 October UTC, and 23:30 at UTC−5 (04:30 UTC on the 12th).
            var toBinary = new DateTimeOffsetToBinaryConverter();
            long Stored(DateTimeOffset at) => (long)toBinary.ConvertToProvider(at)!;
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync(ct);
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO StatusEntries (Id, CommitmentId, Sequence, At, Author, Status, EvidenceLinks) VALUES
                      ('11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 1, $utc, 'a', 'Captured', '[]'),
                      ('33333333-3333-3333-3333-333333333333', '22222222-2222-2222-2222-222222222222', 2, $west, 'a', 'Confirmed', '[]');
                    """;
                insert.Parameters.AddWithValue("$utc", Stored(new DateTimeOffset(2023, 10, 11, 23, 59, 0, TimeSpan.Zero)));
                insert.Parameters.AddWithValue("$west", Stored(new DateTimeOffset(2023, 10, 11, 23, 30, 0, TimeSpan.FromHours(-5))));
                (await insert.ExecuteNonQueryAsync(ct)).ShouldBe(2);
            }

            await migrator.MigrateAsync(cancellationToken: ct);

            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync(ct);
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT EffectiveOn FROM StatusEntries ORDER BY Sequence";
                var days = new List<string>();
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    days.Add(reader.GetString(0));
                }

                days.ShouldBe(["2023-10-11", "2023-10-12"]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
