using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerfDashboardCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardCounts",
                columns: table => new
                {
                    Figure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WholeMonth = table.Column<bool>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Change = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardCounts", x => new { x.Figure, x.Item, x.WholeMonth, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardCounts_Period",
                table: "DashboardCounts",
                columns: new[] { "WholeMonth", "Day", "Figure", "Item", "Change" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardCounts");
        }
    }
}
