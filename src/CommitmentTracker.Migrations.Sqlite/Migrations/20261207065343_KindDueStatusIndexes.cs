using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KindDueStatusIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Kind",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Kind_DueLatest_CurrentStatus",
                table: "Commitments",
                columns: new[] { "Kind", "DueLatest", "CurrentStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus_Kind",
                table: "Commitments",
                columns: new[] { "Code", "CurrentStatus", "Kind" },
                filter: "\"DuePrecision\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Kind_DueLatest_CurrentStatus",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus_Kind",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Kind",
                table: "Commitments",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus",
                table: "Commitments",
                columns: new[] { "Code", "CurrentStatus" },
                filter: "\"DuePrecision\" = 'Open'");
        }
    }
}
