using System.Net;
using System.Text;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Export;

/// <summary>CSV export of a commitments query: same filters as the list, correct quoting, Cyrillic intact, safe in Excel.</summary>
public abstract class CsvExportTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_the_filtered_commitments_with_a_header()
    {
        var response = await app.Api().GetAsync("/api/v1/commitments/export.csv?kind=CulturalEvent&sort=-due", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = Parse(await response.Content.ReadAsStringAsync(Ct));
        rows[0].ShouldBe(["code", "title", "kind", "modality", "status", "meeting", "meetingDate", "issuer", "lead", "duePhrase", "dueEarliest", "dueLatest", "quote", "summary", "updatedAt", "owner"]);
        rows.Skip(1).Select(r => r[0]).ShouldBe(["NSK-2023-009", "NSK-2023-010"]);
        rows[1][9].ShouldBe("autumn 2024");
        rows[1][11].ShouldBe("2024-11-30");
    }

    [Fact]
    public async Task Quotes_commas_line_breaks_and_cyrillic_round_trip_and_formulas_are_defused()
    {
        var client = app.Api();
        const string text = "Стороны договорились о поставках \"автобусов\", трамваев.\nВторая строка.";
        await client.PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = "CSV-RU",
            Title = "Встреча",
            Date = new DateOnly(2024, 5, 1),
            Place = "Минск",
            Document = new DocumentInput("Запись", null, "ru", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        await client.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCommand
        {
            Meeting = "CSV-RU",
            Title = "=HYPERLINK(\"http://x\")",
            Summary = "Поставки \"автобусов\", трамваев;\nвторая строка",
            Kind = CommitmentKind.Cooperation,
            Issuer = "BY",
            Spans = [new SpanInput(null, null, null, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        var rows = Parse(await client.GetStringAsync("/api/v1/commitments/export.csv?meeting=CSV-RU", Ct));

        rows.Count.ShouldBe(2);
        rows[1][1].ShouldBe("'=HYPERLINK(\"http://x\")", "a title that looks like a formula must not run in a spreadsheet");
        rows[1][12].ShouldBe(text);
        rows[1][13].ShouldBe("Поставки \"автобусов\", трамваев;\nвторая строка");
    }

    [Fact]
    public async Task Exports_only_the_columns_asked_for_in_their_order_as_a_grid_shows_them()
    {
        var response = await app.Api().GetAsync("/api/v1/commitments/export.csv?kind=CulturalEvent&sort=-due&columns=dueLatest&columns=CODE&columns=status", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = Parse(await response.Content.ReadAsStringAsync(Ct));
        rows[0].ShouldBe(["dueLatest", "code", "status"]);
        rows.Skip(1).ShouldBe([["2024-11-30", "NSK-2023-009", "Captured"], ["2024-05-31", "NSK-2023-010", "Captured"]]);

        var refused = await app.Api().GetAsync("/api/v1/commitments/export.csv?columns=code&columns=password", Ct).ShouldBeInvalidAsync("columns[1]");
        refused.ShouldHaveSingleItem().ShouldStartWith("'password' is not a column of the export; the columns are: code, title,");
    }

    [Fact]
    public async Task Adds_a_byte_order_mark_for_excel_only_when_asked()
    {
        var plain = await app.Api().GetByteArrayAsync("/api/v1/commitments/export.csv?kind=Hub", Ct);
        var excel = await app.Api().GetByteArrayAsync("/api/v1/commitments/export.csv?kind=Hub&bom=true", Ct);

        plain.Take(3).ShouldNotBe(Encoding.UTF8.Preamble.ToArray());
        excel.Take(3).ShouldBe(Encoding.UTF8.Preamble.ToArray());
        Encoding.UTF8.GetString(excel.AsSpan(3)).ShouldBe(Encoding.UTF8.GetString(plain));
    }

    [Theory]
    [InlineData("status=Nope", "status")]
    [InlineData("sort=colour", "sort")]
    [InlineData("dueFrom=2024-06-01&dueTo=2024-01-01", "dueTo")]
    public async Task Bad_filters_are_a_problem_not_a_file(string query, string field) =>
        await app.Api().GetAsync($"/api/v1/commitments/export.csv?{query}", Ct).ShouldBeInvalidAsync(field);

    // RFC 4180, as a spreadsheet reads it.
    internal static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}

public sealed class SqliteCsvExportTests(SqliteAppFactory app) : CsvExportTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlCsvExportTests(PostgreSqlAppFactory app) : CsvExportTests(app), IClassFixture<PostgreSqlAppFactory>;
