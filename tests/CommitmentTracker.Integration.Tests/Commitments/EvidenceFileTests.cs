using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Changes.Queries.GetChangeHead;
using CommitmentTracker.Application.Changes.Queries.ListChanges;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// Issue 13, item 9: evidence files attached to a status entry over multipart/form-data, checked by their content,
/// kept with their SHA-256, downloaded byte for byte with safe headers, in the audit trail and the change feed; a
/// refused upload stores nothing. Each test works on a commitment of its own (EVD-…).
/// </summary>
public abstract class EvidenceFileTests(AppFactory app)
{
    private const string Api = AppPaths.Api;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("Протокол заседания: первая партия отгружена 28 ноября 2024 года.\r\nMinutes: the first shipment left on 28 November 2024.\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Files_attached_to_an_entry_are_stored_with_their_hash_and_downloaded_byte_for_byte()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        var tail = (await client.GetAsync($"{Api}/changes/head", Ct).ShouldBeJsonAsync<ChangeHead>()).Cursor;

        using var form = Form(("status", "InProgress"), ("rationale", "The minutes record the first shipment."), ("effectiveOn", "2025-01-15"));
        AddFile(form, "minutes.pdf", Pdf, "application/octet-stream");
        AddFile(form, @"C:\fakepath\notes.txt", Text, "text/plain");
        var entry = await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        entry.Status.ShouldBe(LifecycleStatus.InProgress);
        entry.EffectiveOn.ShouldBe(new DateOnly(2025, 1, 15));
        entry.EvidenceFiles.Select(f => (f.FileName, f.ContentType, f.SizeBytes, f.Sha256)).ShouldBe(
        [
            ("minutes.pdf", "application/pdf", (long)Pdf.Length, Sha256(Pdf)),
            ("notes.txt", "text/plain; charset=utf-8", (long)Text.Length, Sha256(Text)),
        ]);

        foreach (var (file, bytes) in entry.EvidenceFiles.Zip(new[] { Pdf, Text }))
        {
            using var download = await app.ApiAs(Roles.Viewer).GetAsync($"{Api}/commitments/{code}/evidence/{file.Id}", Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await download.Content.ReadAsByteArrayAsync(Ct);
            body.ShouldBe(bytes);
            Sha256(body).ShouldBe(file.Sha256);
            download.Content.Headers.ContentType!.ToString().ShouldBe(file.ContentType);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(file.FileName);
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        // The log shows them, and they are in the audit trail under the commitment's code and in the change feed.
        var history = await client.GetAsync($"{Api}/commitments/{code}/status-history", Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        history[^1].EvidenceFiles.Select(f => f.Id).ShouldBe(entry.EvidenceFiles.Select(f => f.Id));
        var audit = await client.GetAsync($"{Api}/audit?entityType=EvidenceFile&entity={code}", Ct).ShouldBeJsonAsync<PagedResult<AuditRecordDto>>();
        audit.Items.Select(r => r.Changes.Single(c => c.Field == "Sha256").New).ShouldBe(entry.EvidenceFiles.Select(f => f.Sha256), ignoreOrder: true);
        audit.Items.ShouldAllBe(r => r.EntityKey == code);
        var changes = await client.GetAsync($"{Api}/changes?after={tail}", Ct).ShouldBeJsonAsync<ChangePage>();
        var fileChanges = changes.Changes.Where(c => c.Entity == "evidenceFile").ToList();
        fileChanges.Select(c => c.Id).ShouldBe(entry.EvidenceFiles.Select(f => f.Id.ToString()), ignoreOrder: true);
        (await client.GetAsync($"{Api}/{fileChanges[0].Href}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Word_and_Excel_documents_are_recognised_by_their_parts_and_a_macro_enabled_one_is_refused()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);

        using var form = Form(("status", "Confirmed"));
        AddFile(form, "agreement.docx", Office("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"), "application/octet-stream");
        AddFile(form, "trade.xlsx", Office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"), "application/octet-stream");
        var entry = await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        entry.EvidenceFiles.Select(f => f.ContentType).ShouldBe([EvidenceContent.Docx, EvidenceContent.Xlsx]);

        using var macro = Form(("status", "InProgress"));
        AddFile(macro, "agreement.docx", Office("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"), EvidenceContent.Docx);
        var messages = await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", macro, Ct).ShouldBeInvalidAsync("evidenceFiles[0]");
        messages.ShouldContain(m => m.Contains("'agreement.docx' is not a kind accepted as evidence", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_of_a_kind_not_accepted_is_refused_by_its_content_and_nothing_is_stored()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        var before = await StateAsync(client, code);

        // A Windows program renamed to look like a PDF, sent as one: the content decides. The good file beside it is not kept either.
        using var form = Form(("status", "InProgress"), ("rationale", "Attached the programme."));
        AddFile(form, "minutes.pdf", Pdf, "application/pdf");
        AddFile(form, "programme.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "application/pdf");
        var messages = await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeInvalidAsync("evidenceFiles[1]");

        messages.ShouldBe(["The file 'programme.pdf' is not a kind accepted as evidence. Attach a PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or plain text (UTF-8) file; the kind is read from the content, not the name."]);
        (await StateAsync(client, code)).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_stored()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        var before = await StateAsync(client, code);

        var tooLarge = new byte[EvidenceOptions.DefaultMaxFileBytes + 1];
        Pdf.CopyTo(tooLarge, 0);
        using var form = Form(("status", "InProgress"));
        AddFile(form, "scan.pdf", tooLarge, "application/pdf");
        var messages = await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeInvalidAsync("evidenceFiles[0]");

        messages.ShouldBe(["The file 'scan.pdf' is larger than 10 MB, the most one evidence file may be."]);
        (await StateAsync(client, code)).ShouldBe(before);
    }

    [Fact]
    public async Task An_entry_the_ledger_refuses_stores_none_of_its_files()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        var before = await StateAsync(client, code);

        // The files are fine; the entry is not (effective before the meeting of 10 October 2023).
        using var form = Form(("status", "InProgress"), ("effectiveOn", "2023-10-01"));
        AddFile(form, "minutes.pdf", Pdf, "application/pdf");
        await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeInvalidAsync("effectiveOn");

        using var noStatus = Form(("rationale", "Forgot the status."));
        AddFile(noStatus, "minutes.pdf", Pdf, "application/pdf");
        await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", noStatus, Ct).ShouldBeInvalidAsync("status");

        (await StateAsync(client, code)).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_is_reached_only_through_its_own_commitment()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        var other = await CaptureAsync(client);
        using var form = Form(("status", "Confirmed"));
        AddFile(form, "minutes.pdf", Pdf, "application/pdf");
        var file = (await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created)).EvidenceFiles.Single();

        // A reader who comes by another commitment, or guesses an id, learns nothing: 404 both ways. Nobody signed in: 401.
        var viewer = app.ApiAs(Roles.Viewer);
        (await viewer.GetAsync($"{Api}/commitments/{code}/evidence/{file.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await viewer.GetAsync($"{Api}/commitments/{other}/evidence/{file.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        elsewhere.GetProperty("detail").GetString().ShouldBe($"Evidence file of {other} '{file.Id}' was not found.");
        await viewer.GetAsync($"{Api}/commitments/{code}/evidence/{Guid.NewGuid()}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await viewer.GetAsync($"{Api}/commitments/NOPE-404/evidence/{file.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await app.Anonymous().GetAsync($"{Api}/commitments/{code}/evidence/{file.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // A viewer may read the file but not attach one.
        using var viewerForm = Form(("status", "InProgress"));
        AddFile(viewerForm, "minutes.pdf", Pdf, "application/pdf");
        await viewer.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", viewerForm, Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_change_feeds_head_moves_with_every_change_and_only_then()
    {
        var client = app.ApiAs(Roles.Viewer);
        var head = await client.GetAsync($"{Api}/changes/head", Ct).ShouldBeJsonAsync<ChangeHead>();
        var drained = await DrainAsync(client, null);
        head.Cursor.ShouldBe(drained, "the head is where reading the whole feed ends");
        (await client.GetAsync($"{Api}/changes/head", Ct).ShouldBeJsonAsync<ChangeHead>()).ShouldBe(head, "nothing changed, so the head stays");

        var code = await CaptureAsync(app.Api());
        var moved = await client.GetAsync($"{Api}/changes/head", Ct).ShouldBeJsonAsync<ChangeHead>();
        string.CompareOrdinal(moved.Cursor, head.Cursor).ShouldBeGreaterThan(0);
        moved.Cursor.ShouldBe(await DrainAsync(client, head.Cursor));
        var page = await client.GetAsync($"{Api}/changes?after={head.Cursor}", Ct).ShouldBeJsonAsync<ChangePage>();
        page.Changes.ShouldContain(c => c.Entity == "commitment" && c.Key == code);
    }

    private static async Task<string> DrainAsync(HttpClient client, string? after)
    {
        while (true)
        {
            var page = await client.GetAsync($"{Api}/changes?limit=1000{(after is null ? "" : $"&after={after}")}", Ct).ShouldBeJsonAsync<ChangePage>();
            after = page.Next;
            if (!page.HasMore)
            {
                return after;
            }
        }
    }

    // What a refused upload must leave as it was: the log, the version, and the evidence folder.
    private async Task<(int Entries, long Version, int StoredFiles)> StateAsync(HttpClient client, string code)
    {
        var history = await client.GetAsync($"{Api}/commitments/{code}/status-history", Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        var commitment = await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        var stored = Directory.Exists(app.EvidenceDirectory) ? Directory.GetFiles(app.EvidenceDirectory).Length : 0;
        return (history.Count, commitment.Version, stored);
    }

    private static async Task<string> CaptureAsync(HttpClient client)
    {
        var meeting = await client.NewMeetingAsync("EVD");
        var created = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = "Hold a joint trade fair",
            Kind = CommitmentKind.CulturalEvent,
            Modality = Modality.Firm,
            Issuer = "BY",
            Spans = [new SpanInput(null, null, null, LedgerData.FairQuote)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return created.Code;
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static void AddFile(MultipartFormDataContent form, string name, byte[] bytes, string declaredType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "files", name);
    }

    // The smallest Office package that says what it is: the manifest naming the main part, and that part.
    private static byte[] Office(string mainPart, string mainType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var manifest = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                manifest.Write($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/{mainPart}" ContentType="{mainType}"/></Types>""");
            }

            using var part = new StreamWriter(zip.CreateEntry(mainPart).Open());
            part.Write("<document/>");
        }

        return buffer.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

public sealed class SqliteEvidenceFileTests(SqliteAppFactory app) : EvidenceFileTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerEvidenceFileTests(SqlServerAppFactory app) : EvidenceFileTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlEvidenceFileTests(PostgreSqlAppFactory app) : EvidenceFileTests(app), IClassFixture<PostgreSqlAppFactory>;
