using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Quote = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SuggestedTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyKeys = table.Column<string>(type: "TEXT", nullable: false),
                    DuePhrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Amounts = table.Column<string>(type: "TEXT", nullable: false),
                    Cue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportCandidates_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ImportCandidates_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportCandidates_DocumentId_Start_End",
                table: "ImportCandidates",
                columns: new[] { "DocumentId", "Start", "End" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportCandidates_MeetingId_Decision",
                table: "ImportCandidates",
                columns: new[] { "MeetingId", "Decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportCandidates");
        }
    }
}
