using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Decision 0028: the -due order (due date descending, code ascending) as an index. The full-text index of this
    /// provider is not in this change (the decision says why); text search stays the case-insensitive LIKE.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201100000_PerfSearchAndDueOrder")]
    public partial class PerfSearchAndDueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_Descending_Code",
                table: "Commitments",
                columns: new[] { "DueLatest", "Code" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_Descending_Code",
                table: "Commitments");
        }
    }
}
