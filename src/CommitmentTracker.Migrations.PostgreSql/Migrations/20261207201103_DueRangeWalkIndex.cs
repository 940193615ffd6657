using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DueRangeWalkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Code_DueLatest_CurrentStatus",
                table: "Commitments",
                columns: new[] { "Code", "DueLatest", "CurrentStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Code_DueLatest_CurrentStatus",
                table: "Commitments");
        }
    }
}
