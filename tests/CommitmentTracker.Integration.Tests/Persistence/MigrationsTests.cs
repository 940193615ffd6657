using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Audit;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommitmentTracker.Integration.Tests.Persistence;

/// <summary>Every provider's migrations must describe the current model: a model change without a migration fails here.</summary>
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
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = Migrations.PostgreSql.DesignTimeDbContextFactory.Create();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run: dotnet ef migrations add <Name> --project src/CommitmentTracker.Migrations.PostgreSql --startup-project src/CommitmentTracker.Migrations.PostgreSql -o Migrations");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void PostgreSql_has_every_migration_made_since_its_baseline()
    {
        using var sqlite = Migrations.Sqlite.DesignTimeDbContextFactory.Create();
        using var postgres = Migrations.PostgreSql.DesignTimeDbContextFactory.Create();

        // PostgreSQL joined with one migration holding the whole schema of that day (it had no databases to upgrade);
        // every model change after it needs a migration in all three sets, with the same name.
        var pg = postgres.Database.GetMigrations().ToList();
        var baseline = pg[0][..pg[0].IndexOf('_', StringComparison.Ordinal)];
        var later = sqlite.Database.GetMigrations().Where(m => string.CompareOrdinal(m, baseline) > 0);
        Names(postgres).Skip(1).Except(PostgreSqlOnly).ShouldBe(Names(later), "every model change needs a migration in every set, with the same name");
    }

    /// <summary>
    /// PostgreSQL migrations with no counterpart in the other sets: two change no EF model, only what lives beside it
    /// (ADR 0041: the text-search table and its triggers, the counterpart of SQLite's FTS5 table; ADR 0068: the change
    /// feed's notification), and one adds an index only PostgreSQL's model declares, since only its planner needs it
    /// (ADR 0146). The model tests above prove the other sets need none of them.
    /// </summary>
    private static readonly string[] PostgreSqlOnly = ["PerfPostgreSqlTextSearch", "FeedHeadNotifications", "DueRangeWalkIndex"];

    [Fact]
    public void PostgreSql_script_creates_the_append_only_and_commit_stamp_triggers()
    {
        using var db = Migrations.PostgreSql.DesignTimeDbContextFactory.Create();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE EXTENSION IF NOT EXISTS citext");
        script.ShouldContain("CREATE CONSTRAINT TRIGGER audit_trail_stamp_commit AFTER INSERT ON \"AuditTrail\"");
        script.ShouldContain("CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON \"AuditTrail\"");
        script.ShouldContain("CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON \"AuditTrail\"");

        // The stamp trigger notifies the channel the app listens on (decision 0068).
        script.ShouldContain($"PERFORM pg_notify('{CommitmentTracker.Infrastructure.Audit.FeedHeadListener.Channel}', '');");
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
    public void Every_engine_keeps_the_responsibilities_copies_by_a_trigger_SqlServer_declared_to_EF()
    {
        // Decision 0145. On SQL Server EF must know of the trigger, or its updates of a commitment would read their row
        // count through OUTPUT, which SQL Server refuses on a table with triggers.
        using var sqlServer = Migrations.SqlServer.DesignTimeDbContextFactory.Create();
        using var sqlite = Migrations.Sqlite.DesignTimeDbContextFactory.Create();
        using var postgreSql = Migrations.PostgreSql.DesignTimeDbContextFactory.Create();

        sqlServer.Model.FindEntityType(typeof(Commitment))!.GetDeclaredTriggers().Select(t => t.ModelName)
            .ShouldBe([ResponsibilityMirror.Trigger]);
        foreach (var db in new DbContext[] { sqlServer, sqlite, postgreSql })
        {
            var script = db.GetService<IMigrator>().GenerateScript();
            script.ShouldContain("Commitments_MirroredOnResponsibilities", customMessage: db.Database.ProviderName);
            script.ShouldContain($"CREATE INDEX {(db == sqlServer ? "[" : "\"")}{ResponsibilityMirror.PartyIndex}", customMessage: db.Database.ProviderName);
        }
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

    [Fact]
    public void The_SqlServer_list_reads_a_page_in_another_order_by_its_codes()
    {
        // Decision 0141: a page sorted by status, kind, title or meeting date is found as codes first, then read by them
        // (by status or kind value by value, decision 0144).
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();
        string[] codes = ["NSK-2023-001", "NSK-2023-002"];

        var keys = db.Commitments.PageCodes(db, "-updatedAt", 25, 25, walk: false).ToQueryString();
        var rows = db.Commitments.Where(c => codes.Contains(c.Code)).SortBy("-status").ToQueryString();

        keys.ShouldContain("ORDER BY [c].[UpdatedAt] DESC, [c].[Code]", customMessage: keys);
        keys.ShouldContain("OFFSET @", customMessage: keys);
        rows.ShouldContain("[c].[Code] IN (", customMessage: rows);
        rows.ShouldContain("ORDER BY [c].[CurrentStatus] DESC, [c].[Code]", customMessage: rows);
    }

    [Fact]
    public void The_SqlServer_list_walks_a_meeting_date_page_meetings_first()
    {
        // Decision 0144: the walked meeting-date page is a CROSS JOIN with the join's test, which SQL Server plans as the
        // inner join it is; a title page is its column then code.
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        var meetings = db.Commitments.Where(c => c.Kind == CommitmentKind.Hub).PageCodes(db, "-meetingDate", 25, 25, walk: true).ToQueryString();
        var titles = db.Commitments.PageCodes(db, "title", 0, 25, walk: true).ToQueryString();

        meetings.ShouldContain("FROM [Meetings] AS [m]", customMessage: meetings);
        meetings.ShouldContain("CROSS JOIN", customMessage: meetings);
        meetings.ShouldMatch(@"ORDER BY \[m\]\.\[Date\] DESC, \[c\d*\]\.\[Code\]", meetings);
        meetings.ShouldContain("OFFSET @", customMessage: meetings);
        titles.ShouldContain("ORDER BY [c].[Title], [c].[Code]", customMessage: titles);
    }

    [Fact]
    public void The_SqlServer_list_tests_a_missing_due_day_as_a_plain_null_test()
    {
        // Decision 0143: the planning hint is SQLite's; SQL Server gets the test itself.
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();

        var undated = db.Commitments.Where(c => IndexHint.IsMissing(c.DueLatest)).Select(c => c.Code).ToQueryString();
        var dated = db.Commitments.Where(c => !IndexHint.IsMissing(c.DueLatest)).Select(c => c.Code).ToQueryString();

        undated.ShouldContain("WHERE [c].[DueLatest] IS NULL", customMessage: undated);
        dated.ShouldContain("WHERE [c].[DueLatest] IS NOT NULL", customMessage: dated);
        (undated + dated).ShouldNotContain("likely");
    }

    [Fact]
    public void The_SqlServer_projection_upsert_matches_the_tables_key_and_column_sizes()
    {
        // No server here: the one set-based MERGE (decision 0035) is checked against the SQL Server model instead, so a
        // key or column change that the statement does not follow fails here rather than in production.
        using var db = Migrations.SqlServer.DesignTimeDbContextFactory.Create();
        var type = db.Model.FindEntityType(typeof(DashboardCount))!;
        var sql = DashboardProjectionWriter.UpsertSql(DashboardProjectionWriter.Engine.SqlServer);

        sql.ShouldStartWith($"MERGE [{type.GetTableName()}] WITH (HOLDLOCK)");
        foreach (var key in type.FindPrimaryKey()!.Properties)
        {
            sql.ShouldContain($"t.[{key.GetColumnName()}] = s.[{key.GetColumnName()}]", customMessage: sql);
        }

        foreach (var property in type.GetProperties())
        {
            var column = property.GetColumnName();
            var storeType = property.GetRelationalTypeMapping().StoreType;
            sql.ShouldContain($"[{column}] {storeType} '$[", customMessage: $"OPENJSON reads {column} as the column's own type {storeType}");
        }

        var json = DashboardProjectionWriter.RowsAsJson([new DashboardCount("Status", "Open", true, new DateOnly(2024, 3, 1), -2)]);
        json.ShouldBe("""[["Status","Open",true,"2024-03-01",-2]]""");
    }

    // Migration ids are "timestamp_Name"; the timestamps differ between the sets.
    private static IEnumerable<string> Names(DbContext db) => Names(db.Database.GetMigrations());

    private static IEnumerable<string> Names(IEnumerable<string> migrations) => migrations.Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
}
