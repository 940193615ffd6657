using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ExtractionPartiesAndPassages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Parties",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Parties",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Counterparts",
                table: "ImportCandidates",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Issuer",
                table: "ImportCandidates",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ImportCandidates",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Lead",
                table: "ImportCandidates",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NewParty",
                table: "ImportCandidates",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Passages",
                table: "ImportCandidates",
                type: "nvarchar(max)",
                nullable: true);

            // Proposals made before this migration cite one passage and were read as English; parties start at version 1.
            migrationBuilder.Sql("UPDATE [ImportCandidates] SET [Passages] = (SELECT c.[Start] AS [Start], c.[End] AS [End], c.[Quote] AS [Quote] FROM [ImportCandidates] AS c WHERE c.[Id] = [ImportCandidates].[Id] FOR JSON PATH), [Language] = N'en' WHERE [Passages] IS NULL;");
            migrationBuilder.Sql("UPDATE [Parties] SET [Version] = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Parties");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Parties");

            migrationBuilder.DropColumn(
                name: "Counterparts",
                table: "ImportCandidates");

            migrationBuilder.DropColumn(
                name: "Issuer",
                table: "ImportCandidates");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ImportCandidates");

            migrationBuilder.DropColumn(
                name: "Lead",
                table: "ImportCandidates");

            migrationBuilder.DropColumn(
                name: "NewParty",
                table: "ImportCandidates");

            migrationBuilder.DropColumn(
                name: "Passages",
                table: "ImportCandidates");
        }
    }
}
