using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerfListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CurrentStatus_Kind_Code",
                table: "Commitments",
                columns: new[] { "CurrentStatus", "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus",
                table: "Commitments",
                columns: new[] { "DueLatest", "Code", "CurrentStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_CurrentStatus_Kind_Code",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus",
                table: "Commitments");
        }
    }
}
