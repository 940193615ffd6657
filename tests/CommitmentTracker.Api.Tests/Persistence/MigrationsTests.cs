using CommitmentTracker.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitmentTracker.Api.Tests.Persistence;

/// <summary>Both providers' migrations must describe the current model: a model change without a migration fails here.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Migrations.Sqlite.DesignTimeDbContextFactory.Create();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Name> --project src/CommitmentTracker.Migrations.Sqlite --startup-project src/CommitmentTracker.Migrations.Sqlite -o Migrations");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Name> --project src/CommitmentTracker.Migrations.SqlServer --startup-project src/CommitmentTracker.Migrations.SqlServer -o Migrations");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Migrations.Sqlite.DesignTimeDbContextFactory.Create();
        using var sqlServer = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        Names(sqlite).ShouldBe(Names(sqlServer), "every model change needs a migration in both sets, with the same name");
    }

    [Fact]
    public void SqlServer_idempotent_script_can_be_generated_without_a_server()
    {
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("IF NOT EXISTS (");
        script.ShouldContain("[__EFMigrationsHistory]");
        script.ShouldContain("CREATE TABLE [Commitments]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Commitments_Code]");
    }

    [Fact]
    public void The_SqlServer_change_feed_reads_only_below_the_oldest_open_transaction_in_stamp_order()
    {
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        // No server here: translating the query proves EF can compose it over the raw SQL that sets the watermark.
        var sql = ChangeLog.CommittedOnSqlServer(db, 42, 100, ["Commitment", "StatusEntry"]).ToQueryString();

        sql.ShouldContain("[CommitStamp] < MIN_ACTIVE_ROWVERSION()");
        sql.ShouldContain("ORDER BY [c].[CommitStamp]", customMessage: sql);
        sql.ShouldContain("TOP(@");
    }

    // Migration ids are "timestamp_Name"; the timestamps differ between the two sets.
    private static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
}
