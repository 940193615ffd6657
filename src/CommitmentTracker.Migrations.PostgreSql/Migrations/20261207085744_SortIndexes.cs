using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_MeetingId",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CurrentStatus_Code",
                table: "Commitments",
                columns: new[] { "CurrentStatus", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Kind_Code",
                table: "Commitments",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_MeetingId_Code",
                table: "Commitments",
                columns: new[] { "MeetingId", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_CurrentStatus_Code",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Kind_Code",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_MeetingId_Code",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_MeetingId",
                table: "Commitments",
                column: "MeetingId");
        }
    }
}
