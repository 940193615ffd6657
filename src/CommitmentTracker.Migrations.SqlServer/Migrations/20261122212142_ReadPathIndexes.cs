using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReadPathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusEntries_At",
                table: "StatusEntries");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_StatusEntries_CommitmentId_At_Sequence_Status",
                table: "StatusEntries",
                columns: new[] { "CommitmentId", "At", "Sequence", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_CurrentStatus",
                table: "Commitments",
                columns: new[] { "DueLatest", "CurrentStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusEntries_CommitmentId_At_Sequence_Status",
                table: "StatusEntries");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_CurrentStatus",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_StatusEntries_At",
                table: "StatusEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest",
                table: "Commitments",
                column: "DueLatest");
        }
    }
}
