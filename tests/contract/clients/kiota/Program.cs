// The consumer scenario of docs/openapi/v1.json over the C# client Kiota generates from it, unmodified (generated/).
// CT_BASE_URL and CT_API_KEY (read and write scopes) say where and who.
using System.Text;
using static ScenarioChecks;
using CommitmentTracker.KiotaClient;
using CommitmentTracker.KiotaClient.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

var baseUrl = Environment.GetEnvironmentVariable("CT_BASE_URL") ?? throw new InvalidOperationException("CT_BASE_URL is not set");
var apiKey = Environment.GetEnvironmentVariable("CT_API_KEY") ?? throw new InvalidOperationException("CT_API_KEY is not set");
var run = Environment.GetEnvironmentVariable("CT_RUN") ?? DateTime.UtcNow.Ticks.ToString("x");

using var http = KiotaClientFactory.Create();
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl };
var api = new CommitmentTrackerClient(adapter).Api.V1;

// Upload a record file: the meeting, its document and the proposed commitments.
var code = $"KI-{run}".ToUpperInvariant()[..Math.Min(20, run.Length + 3)];
var record = "Minsk. Aleksandr Lukashenko met the Governor of Novosibirsk Oblast.\n\n"
    + $"The parties agreed to hold the Days of Novosibirsk Oblast in Belarus in autumn 2027 ({run}).\n";
var form = new MultipartBody();
foreach (var (name, value) in new[] { ("code", code), ("title", "Client scenario"), ("date", "2026-12-01"), ("place", "Minsk"), ("host", "BY"), ("guests", "RU-NVS"), ("language", "en") })
{
    form.AddOrReplacePart(name, "text/plain", value);
}

form.AddOrReplacePart("file", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes(record)), "record.txt");
var imported = await api.Imports.File.PostAsync(form) ?? throw Fail("the upload returned nothing");
Expect(imported.Candidates >= 1, "the uploaded record yields a proposal");

// Accept the first proposal as it stands: it becomes a Captured commitment.
var proposal = (await api.Meetings[code].Candidates.GetAsync())?.FirstOrDefault() ?? throw Fail("no proposal is listed");
var accepted = await api.Candidates[proposal.Id!.Value].Accept.PostAsync(new CommitmentDraft
{
    Title = proposal.SuggestedTitle,
    Kind = proposal.Kind,
    Modality = proposal.Modality,
    Issuer = proposal.Issuer ?? "BY",
    Due = proposal.DuePhrase,
}) ?? throw Fail("accepting returned nothing");
var commitmentCode = accepted.Code!;

// List and filter.
var list = await api.Commitments.GetAsync(c =>
{
    c.QueryParameters.Meeting = code;
    c.QueryParameters.Kind = [proposal.Kind!.Value];
    c.QueryParameters.Status = [LifecycleStatus.Captured];
});
Expect(list?.Items?.Any(i => i.Code == commitmentCode) == true, "the filtered list holds the new commitment");

// Get one by code with its ETag, then update it with If-Match; a stale ETag is refused.
var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
var current = await api.Commitments[commitmentCode].GetAsync(c => c.Options.Add(headers)) ?? throw Fail("get returned nothing");
var etag = headers.ResponseHeaders.TryGetValue("ETag", out var values) ? values.First() : throw Fail("no ETag on the commitment");
var changes = new CommitmentDraft
{
    Title = current.Title,
    Kind = current.Kind,
    Modality = current.Modality,
    Issuer = current.IssuerKey,
    Due = current.Due?.Phrase,
    Responsibilities = current.Responsibilities?.Select(r => new ResponsibilityInput { Party = r.PartyKey, Role = r.Role }).ToList(),
    Tags = [.. current.Tags ?? [], "client-kiota"],
    Spans = current.Spans?.Select(s => new SpanInput { DocumentId = s.DocumentId, Start = s.Start, End = s.End }).ToList(),
};
var updated = await api.Commitments[commitmentCode].PutAsync(changes, c => c.Headers.Add("If-Match", etag));
Expect(updated?.Tags?.Contains("client-kiota") == true, "the update is saved");
try
{
    await api.Commitments[commitmentCode].PutAsync(changes, c => c.Headers.Add("If-Match", etag));
    throw Fail("a stale If-Match was accepted");
}
catch (ApiException stale) when (stale.ResponseStatusCode == 412)
{
}

// Append a status entry.
var entry = await api.Commitments[commitmentCode].StatusHistory.PostAsync(new StatusEntryDraft
{
    Status = LifecycleStatus.Confirmed,
    Rationale = "Confirmed by the organisers (Kiota client scenario).",
});
Expect(entry?.Status == LifecycleStatus.Confirmed, "the status entry is recorded");

// Follow the change feed to its end; the new commitment is in it.
string? after = null;
var seen = false;
for (var pages = 0; pages < 1000; pages++)
{
    var page = await api.Changes.GetAsync(c => { c.QueryParameters.After = after; c.QueryParameters.Limit = 500; }) ?? throw Fail("the change feed returned nothing");
    seen |= page.Changes?.Any(c => c.Key == commitmentCode) == true;
    if (page.HasMore != true)
    {
        break;
    }

    after = page.Next;
}

Expect(seen, "the change feed holds the new commitment");

// Download the CSV export of the same query.
await using var csv = await api.Commitments.ExportCsv.GetAsync(c => c.QueryParameters.Meeting = code) ?? throw Fail("the export returned nothing");
var text = await new StreamReader(csv).ReadToEndAsync();
Expect(text.Contains(commitmentCode, StringComparison.Ordinal), "the CSV export lists it");

Console.WriteLine($"scenario passed: {commitmentCode}");
return 0;
