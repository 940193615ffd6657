using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResponsibilityMirror : Migration
    {
        // The commitment's status, kind and last due day copied onto its responsibilities (decision 0145): filled
        // once here, kept current afterwards by the trigger on every update of a commitment.
        private const string Fill = @"UPDATE r SET r.[CommitmentStatus] = c.[CurrentStatus], r.[CommitmentKind] = c.[Kind], r.[CommitmentDueLatest] = c.[DueLatest]
FROM [Responsibilities] AS r INNER JOIN [Commitments] AS c ON c.[Id] = r.[CommitmentId];";

        private static readonly string[] Trigger = [@"CREATE TRIGGER [Commitments_MirroredOnResponsibilities] ON [Commitments] AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE([CurrentStatus]) OR UPDATE([Kind]) OR UPDATE([DueLatest])
        UPDATE r SET r.[CommitmentStatus] = i.[CurrentStatus], r.[CommitmentKind] = i.[Kind], r.[CommitmentDueLatest] = i.[DueLatest]
        FROM [Responsibilities] AS r INNER JOIN inserted AS i ON i.[Id] = r.[CommitmentId];
END"];

        private static readonly string[] DropTrigger = [@"DROP TRIGGER IF EXISTS [Commitments_MirroredOnResponsibilities];"];

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
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommitmentStatus",
                table: "Responsibilities",
                type: "nvarchar(24)",
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
