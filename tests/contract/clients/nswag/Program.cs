// The consumer scenario of docs/openapi/v1.json over the C# client NSwag generates from it, unmodified (generated/).
// CT_BASE_URL and CT_API_KEY (read and write scopes) say where and who.
using System.Text;
using static ScenarioChecks;
using CommitmentTracker.NSwagClient;

var baseUrl = Environment.GetEnvironmentVariable("CT_BASE_URL") ?? throw new InvalidOperationException("CT_BASE_URL is not set");
var apiKey = Environment.GetEnvironmentVariable("CT_API_KEY") ?? throw new InvalidOperationException("CT_API_KEY is not set");
var run = Environment.GetEnvironmentVariable("CT_RUN") ?? DateTime.UtcNow.Ticks.ToString("x");

using var http = new HttpClient();
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var api = new CommitmentTrackerClient(http) { BaseUrl = baseUrl };

// Upload a record file: the meeting, its document and the proposed commitments.
var code = $"NS-{run}".ToUpperInvariant()[..Math.Min(20, run.Length + 3)];
var record = "Minsk. Aleksandr Lukashenko met the Governor of Novosibirsk Oblast.\n\n"
    + $"The parties agreed to hold the Days of Novosibirsk Oblast in Belarus in autumn 2027 ({run}).\n";
var imported = await api.ImportMeetingFileAsync(
    code: code, title: "Client scenario", date: new DateOnly(2026, 12, 1), place: "Minsk",
    language: "en", host: "BY", guests: "RU-NVS",
    file: new FileParameter(new MemoryStream(Encoding.UTF8.GetBytes(record)), "record.txt", "text/plain"));
Expect(imported.StatusCode == 201 && imported.Result.Candidates >= 1, "the uploaded record yields a proposal");

// Accept the first proposal as it stands: it becomes a Captured commitment.
var proposal = (await api.ListCandidatesAsync(code)).Result.FirstOrDefault() ?? throw Fail("no proposal is listed");
var accepted = await api.AcceptCandidateAsync(proposal.Id, new CommitmentDraft
{
    Title = proposal.SuggestedTitle,
    Kind = proposal.Kind,
    Modality = proposal.Modality,
    Issuer = proposal.Issuer ?? "BY",
    Due = proposal.DuePhrase,
});
var commitmentCode = accepted.Result.Code;

// List and filter.
var list = await api.ListCommitmentsAsync(status: [LifecycleStatus.Captured], kind: [proposal.Kind], meeting: code);
Expect(list.Result.Items.Any(i => i.Code == commitmentCode), "the filtered list holds the new commitment");

// Get one by code with its ETag, then update it with If-Match; a stale ETag is refused.
var one = await api.GetCommitmentAsync(commitmentCode);
var etag = one.Headers.TryGetValue("ETag", out var values) ? values.First() : throw Fail("no ETag on the commitment");
var current = one.Result;
var changes = new CommitmentDraft
{
    Title = current.Title,
    Kind = current.Kind,
    Modality = current.Modality,
    Issuer = current.IssuerKey,
    Due = current.Due?.Phrase,
    Responsibilities = [.. current.Responsibilities.Select(r => new ResponsibilityInput { Party = r.PartyKey, Role = r.Role })],
    Tags = [.. current.Tags, "client-nswag"],
    Spans = [.. current.Spans.Select(s => new SpanInput { DocumentId = s.DocumentId, Start = s.Start, End = s.End })],
};
var updated = await api.UpdateCommitmentAsync(commitmentCode, etag, changes);
Expect(updated.Result.Tags.Contains("client-nswag"), "the update is saved");
try
{
    await api.UpdateCommitmentAsync(commitmentCode, etag, changes);
    throw Fail("a stale If-Match was accepted");
}
catch (ApiException stale) when (stale.StatusCode == 412)
{
}

// Append a status entry.
var entry = await api.AppendStatusEntryAsync(commitmentCode, new StatusEntryDraft
{
    Status = LifecycleStatus.Confirmed,
    Rationale = "Confirmed by the organisers (NSwag client scenario).",
});
Expect(entry.Result.Status == LifecycleStatus.Confirmed, "the status entry is recorded");

// Follow the change feed to its end; the new commitment is in it.
string? after = null;
var seen = false;
for (var pages = 0; pages < 1000; pages++)
{
    var page = (await api.ListChangesAsync(after, 500)).Result;
    seen |= page.Changes.Any(c => c.Key == commitmentCode);
    if (!page.HasMore)
    {
        break;
    }

    after = page.Next;
}

Expect(seen, "the change feed holds the new commitment");

// Download the CSV export of the same query.
using var csv = await api.ExportCommitmentsAsync(meeting: code);
var text = await new StreamReader(csv.Stream).ReadToEndAsync();
Expect(text.Contains(commitmentCode, StringComparison.Ordinal), "the CSV export lists it");

Console.WriteLine($"scenario passed: {commitmentCode}");
return 0;
