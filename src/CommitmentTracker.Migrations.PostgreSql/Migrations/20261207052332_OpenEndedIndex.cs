using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OpenEndedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus",
                table: "Commitments",
                columns: new[] { "Code", "CurrentStatus" },
                filter: "\"DuePrecision\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_OpenEnded_Code_CurrentStatus",
                table: "Commitments");
        }
    }
}
