using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Trace;

namespace CommitmentTracker.Integration.Tests.Operations;

/// <summary>
/// The app with Prometheus on, every finished span kept in memory and every log record collected; and one address
/// past every endpoint that throws, so the real exception handler, problem writer and logger meet a real failure.
/// </summary>
public sealed class TelemetryAppFactory : SqliteAppFactory
{
    public const string FailingPath = "/api/v1/telemetry-test-failure";

    // The exporter adds from the request's thread while a test reads: both sides take the same lock.
    private readonly LockedSpans _spans = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:Prometheus", "true");
        builder.ConfigureServices(services =>
        {
            services.AddFakeLogging();
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.AddTransient<IStartupFilter, FailingEndpoint>();
        });
    }

    /// <summary>
    /// The spans of one trace once its server span has ended. The server span ends after the response reaches the
    /// client (the host stops it when the request pipeline unwinds), so reading right after the response races it.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId trace, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task added;
            lock (_spans.Lock)
            {
                if (_spans.Any(s => s.TraceId == trace && s.Kind == ActivityKind.Server))
                {
                    return [.. _spans.Where(s => s.TraceId == trace)];
                }

                added = _spans.NextAdded;
            }

            await added.WaitAsync(timeout.Token);
        }
    }

    private sealed class LockedSpans : Collection<Activity>
    {
        private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Lock Lock { get; } = new();

        /// <summary>Completes when the next span is added; read under <see cref="Lock"/>.</summary>
        public Task NextAdded => _added.Task;

        protected override void InsertItem(int index, Activity item)
        {
            lock (Lock)
            {
                base.InsertItem(index, item);
                _added.TrySetResult();
                _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Runs after every endpoint: only a request no endpoint matched reaches it, and it throws.</summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("The disk is full (a test failure).")
                : Task.CompletedTask);
        };
    }
}

/// <summary>
/// The telemetry tests run alone, after every other collection, with no other host alive. The app's MeterProvider
/// listens to meters by name, so in a test process it also takes in every other host's "CommitmentTracker"
/// instruments, merged into one stream with its own. When the host whose instrument opened that stream is disposed,
/// OpenTelemetry drops the stream, and this host's measurements with it: a CI run scraped for 30 s without finding
/// <c>ListCommitmentsQuery</c>. Reproduced by starting a host, then this one, then disposing the first. One host per
/// process, as in production, never meets this.
/// </summary>
[CollectionDefinition(nameof(TelemetryAlone), DisableParallelization = true)]
public sealed class TelemetryAlone;

[Collection(nameof(TelemetryAlone))]
public sealed partial class TelemetryTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_error_is_logged_with_the_trace_id_its_problem_shows()
    {
        var problem = await app.Api().GetAsync(TelemetryAppFactory.FailingPath, Ct).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        var traceId = problem.GetProperty("traceId").GetString();
        traceId.ShouldNotBeNullOrWhiteSpace();
        problem.GetRawText().ShouldNotContain("disk is full");
        var logged = app.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Level == LogLevel.Error && r.Message.Contains(traceId, StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        logged.Exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("disk is full");
        logged.Message.ShouldContain($"GET {TelemetryAppFactory.FailingPath}");
    }

    [Fact]
    public async Task A_request_is_traced_from_http_through_the_use_case_to_its_database_queries()
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/commitments/NSK-2023-009");
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await app.Api().SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var spans = await app.SpansOfAsync(trace, Ct);
        var server = spans.Where(s => s.Kind == ActivityKind.Server).ShouldHaveSingleItem();
        server.GetTagItem("http.route").ShouldBe("/api/v1/commitments/{idOrCode}");
        var useCase = spans.Where(s => s.Source.Name == AppTelemetry.Name && s.DisplayName == "GetCommitmentQuery").ShouldHaveSingleItem();
        useCase.ParentSpanId.ShouldBe(server.SpanId);
        useCase.GetTagItem("outcome").ShouldBe("ok");
        var queries = spans.Where(s => s.Kind == ActivityKind.Client && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        queries.ShouldNotBeEmpty();
        queries.ShouldAllBe(q => q.ParentSpanId == useCase.SpanId);
    }

    [Fact]
    public async Task Use_cases_are_counted_by_request_and_outcome()
    {
        using var requests = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AppTelemetry.Name, "commitment_tracker.requests");
        var client = app.Api();

        await client.PostJsonAsync($"{Api}/commitments/NSK-2023-001/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Confirmed by the ministry." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        await client.PostJsonAsync($"{Api}/commitments/NSK-2023-001/status-history", new StatusEntryDraft { Status = LifecycleStatus.InProgress, ComplianceScore = 7 })
            .ShouldBeInvalidAsync("complianceScore");

        var appends = requests.GetMeasurementSnapshot().Where(m => m.Tags["request"] as string == "AppendStatusEntryCommand").ToList();
        appends.Select(m => (m.Tags["outcome"] as string, m.Value)).ShouldBe([("ok", 1L), ("invalid", 1L)]);
    }

    [Fact]
    public async Task Extraction_is_timed_and_its_proposals_counted_by_language()
    {
        using var proposals = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AppTelemetry.Name, "commitment_tracker.extraction.proposals");
        using var duration = new MetricCollector<double>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AppTelemetry.Name, "commitment_tracker.extraction.duration");

        var imported = await app.Api().PostJsonAsync($"{Api}/imports", new ImportMeetingCommand
        {
            Code = "TEL-1",
            Title = "Meeting with the Governor",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Text = "The President instructed the government to prepare a joint programme by the end of the year. We are ready to open a trade house in the region next year.",
        }).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        imported.Candidates.ShouldBeGreaterThan(0);
        var counted = proposals.GetMeasurementSnapshot().ShouldHaveSingleItem();
        counted.Value.ShouldBe(imported.Candidates);
        counted.Tags["language"].ShouldBe("en");
        duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Prometheus_scrapes_the_app_and_http_metrics_without_a_credential()
    {
        (await app.Api().GetAsync($"{Api}/commitments?pageSize=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        string[] expected = ["commitment_tracker_requests_total{", "request=\"ListCommitmentsQuery\"", "http_server_request_duration_seconds_bucket{"];

        var text = await ScrapeUntilAsync(scrape => expected.All(line => scrape.Contains(line, StringComparison.Ordinal)));

        foreach (var line in expected)
        {
            text.ShouldContain(line);
        }
    }

    [Fact]
    public async Task Durations_are_bucketed_in_seconds_as_their_unit_says()
    {
        // The SDK's default bounds are made for milliseconds (0, 5, 10 … 10000): a histogram in seconds left on them
        // puts every use case in its first bucket, and no percentile can be read from the scrape or the OTLP export.
        using var listener = new MeterListener();
        var advised = new List<(string Name, IReadOnlyList<double>? Bounds)>();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == AppTelemetry.Name && instrument is Histogram<double> histogram)
            {
                lock (advised)
                {
                    advised.Add((histogram.Name, histogram.Advice?.HistogramBucketBoundaries));
                }
            }
        };
        listener.Start();
        await app.Api().GetAsync($"{Api}/commitments?pageSize=1", Ct);

        var text = await ScrapeUntilAsync(scrape => BoundsOfListCommitments(scrape).Any());

        BoundsOfListCommitments(text).ShouldBe([.. AppTelemetry.DurationBuckets.Select(b => b.ToString(CultureInfo.InvariantCulture)), "+Inf"]);
        lock (advised)
        {
            advised.Select(h => h.Name).Distinct().ShouldBe(["commitment_tracker.request.duration", "commitment_tracker.extraction.duration"], ignoreOrder: true);
            advised.ShouldAllBe(h => h.Bounds != null && h.Bounds.SequenceEqual(AppTelemetry.DurationBuckets));
        }
    }

    private static IEnumerable<string> BoundsOfListCommitments(string scrape) => BucketBound().Matches(scrape)
        .Where(m => m.Value.Contains("request=\"ListCommitmentsQuery\"", StringComparison.Ordinal))
        .Select(m => m.Groups["le"].Value)
        .Distinct();

    // A measurement can reach the exporter after the response has reached the client (the server's duration is
    // recorded as the pipeline unwinds; CI runs scraped before the request count, and before the duration buckets, were
    // there): scrape until the scrape is complete, as SpansOfAsync waits for spans, within a bound.
    private async Task<string> ScrapeUntilAsync(Func<string, bool> complete)
    {
        var bound = Stopwatch.StartNew();
        while (true)
        {
            var scrape = await app.Anonymous().GetAsync("/metrics", Ct);
            scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
            scrape.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            var text = await scrape.Content.ReadAsStringAsync(Ct);
            if (complete(text) || bound.Elapsed > TimeSpan.FromSeconds(30))
            {
                return text;
            }

            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task Every_request_gets_one_log_line_with_method_path_status_and_duration()
    {
        await app.Api().GetAsync($"{Api}/parties", Ct);

        var line = app.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware" && r.Message.Contains("/api/v1/parties", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        line.Message.ShouldContain("GET");
        line.Message.ShouldContain("StatusCode: 200");
        line.Message.ShouldContain("Duration:");
    }

    [GeneratedRegex(@"^commitment_tracker_request_duration_seconds_bucket\{[^}]*le=""(?<le>[^""]+)""\}", RegexOptions.Multiline)]
    private static partial Regex BucketBound();
}
