using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DueRangeUpdatedSeek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus_UpdatedAt",
                table: "Commitments",
                columns: new[] { "DueLatest", "Code", "CurrentStatus", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus_UpdatedAt",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_Code_CurrentStatus",
                table: "Commitments",
                columns: new[] { "DueLatest", "Code", "CurrentStatus" });
        }
    }
}
