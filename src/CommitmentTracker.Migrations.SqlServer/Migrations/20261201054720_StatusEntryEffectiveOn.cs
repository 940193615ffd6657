using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatusEntryEffectiveOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusEntries_CommitmentId_At_Sequence_Status",
                table: "StatusEntries");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveOn",
                table: "StatusEntries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing entries took effect the UTC day they were recorded: nobody said otherwise.
            migrationBuilder.Sql("UPDATE [StatusEntries] SET [EffectiveOn] = CAST(SWITCHOFFSET([At], '+00:00') AS date);");

            migrationBuilder.CreateIndex(
                name: "IX_StatusEntries_CommitmentId_EffectiveOn_Sequence_Status",
                table: "StatusEntries",
                columns: new[] { "CommitmentId", "EffectiveOn", "Sequence", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusEntries_CommitmentId_EffectiveOn_Sequence_Status",
                table: "StatusEntries");

            migrationBuilder.DropColumn(
                name: "EffectiveOn",
                table: "StatusEntries");

            migrationBuilder.CreateIndex(
                name: "IX_StatusEntries_CommitmentId_At_Sequence_Status",
                table: "StatusEntries",
                columns: new[] { "CommitmentId", "At", "Sequence", "Status" });
        }
    }
}
