using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Decision 0068: the commit-time trigger that stamps each audit record also tells every listening instance that the
    /// change feed moved (NOTIFY is delivered when the transaction commits, and only then). Changes a function only, no
    /// EF model, so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261203200000_FeedHeadNotifications")]
    public partial class FeedHeadNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StampCommit(notify: true));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StampCommit(notify: false));

        // The function of the initial schema, with the notification or without it. One payload per transaction:
        // PostgreSQL sends identical notifications of one transaction once.
        private static string StampCommit(bool notify) => $$"""
            CREATE OR REPLACE FUNCTION audit_trail_stamp_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(7461001);
                UPDATE "AuditTrail" SET "CommitStamp" = nextval('"AuditCommitStamps"') WHERE "Position" = NEW."Position";
                {{(notify ? "PERFORM pg_notify('commitment_tracker_feed', '');" : string.Empty)}}
                RETURN NULL;
            END $$;
            """;
    }
}
