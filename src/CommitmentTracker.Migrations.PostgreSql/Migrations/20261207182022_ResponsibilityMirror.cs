using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResponsibilityMirror : Migration
    {
        // The commitment's status, kind and last due day copied onto its responsibilities (decision 0145): filled
        // once here, kept current afterwards by the trigger on every update of a commitment.
        private const string Fill = @"UPDATE ""Responsibilities"" AS r SET ""CommitmentStatus"" = c.""CurrentStatus"", ""CommitmentKind"" = c.""Kind"", ""CommitmentDueLatest"" = c.""DueLatest""
FROM ""Commitments"" AS c WHERE c.""Id"" = r.""CommitmentId"";";

        private static readonly string[] Trigger = [@"CREATE FUNCTION ""Commitments_MirroredOnResponsibilities""() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ""Responsibilities"" SET ""CommitmentStatus"" = NEW.""CurrentStatus"", ""CommitmentKind"" = NEW.""Kind"", ""CommitmentDueLatest"" = NEW.""DueLatest""
    WHERE ""CommitmentId"" = NEW.""Id"";
    RETURN NULL;
END
$$;", @"CREATE TRIGGER ""Commitments_MirroredOnResponsibilities"" AFTER UPDATE OF ""CurrentStatus"", ""Kind"", ""DueLatest"" ON ""Commitments""
FOR EACH ROW WHEN (NEW.""CurrentStatus"" IS DISTINCT FROM OLD.""CurrentStatus"" OR NEW.""Kind"" IS DISTINCT FROM OLD.""Kind"" OR NEW.""DueLatest"" IS DISTINCT FROM OLD.""DueLatest"")
EXECUTE FUNCTION ""Commitments_MirroredOnResponsibilities""();"];

        private static readonly string[] DropTrigger = [@"DROP TRIGGER IF EXISTS ""Commitments_MirroredOnResponsibilities"" ON ""Commitments"";", @"DROP FUNCTION IF EXISTS ""Commitments_MirroredOnResponsibilities""();"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responsibilities_PartyId_CommitmentId",
                table: "Responsibilities");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommitmentDueLatest",
                table: "Responsibilities",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommitmentKind",
                table: "Responsibilities",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommitmentStatus",
                table: "Responsibilities",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(Fill);

            migrationBuilder.CreateIndex(
                name: "IX_Responsibilities_PartyId_CommitmentId_Mirror",
                table: "Responsibilities",
                columns: new[] { "PartyId", "CommitmentId", "CommitmentStatus", "CommitmentKind", "CommitmentDueLatest" });

            foreach (var sql in Trigger)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTrigger)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropIndex(
                name: "IX_Responsibilities_PartyId_CommitmentId_Mirror",
                table: "Responsibilities");

            migrationBuilder.DropColumn(
                name: "CommitmentDueLatest",
                table: "Responsibilities");

            migrationBuilder.DropColumn(
                name: "CommitmentKind",
                table: "Responsibilities");

            migrationBuilder.DropColumn(
                name: "CommitmentStatus",
                table: "Responsibilities");

            migrationBuilder.CreateIndex(
                name: "IX_Responsibilities_PartyId_CommitmentId",
                table: "Responsibilities",
                columns: new[] { "PartyId", "CommitmentId" });
        }
    }
}
