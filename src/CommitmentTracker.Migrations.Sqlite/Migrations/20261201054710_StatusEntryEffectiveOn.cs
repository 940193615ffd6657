using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing entries took effect the UTC day they were recorded: nobody said otherwise. "At" is stored as
            // DateTimeOffsetToBinaryConverter's number: (ticks / 1000) << 11 | offset minutes in 11 signed bits.
            migrationBuilder.Sql("""
                UPDATE "StatusEntries" SET "EffectiveOn" = date(
                    (("At" >> 11) * 1000 - 621355968000000000) / 10000000
                    - (CASE WHEN ("At" & 2047) >= 1024 THEN ("At" & 2047) - 2048 ELSE ("At" & 2047) END) * 60,
                    'unixepoch');
                """);

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
