using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UpdatedWalkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_UpdatedAt",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest",
                table: "Commitments",
                columns: new[] { "UpdatedAt", "CurrentStatus", "DueLatest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_UpdatedAt",
                table: "Commitments",
                column: "UpdatedAt");
        }
    }
}
