using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommitmentTracker.Domain;

namespace CommitmentTracker.Application.Common.Telemetry;

/// <summary>
/// The application's own traces and metrics, under one name the Host subscribes to (OpenTelemetry, ADR 21). Made
/// from the host's <see cref="IMeterFactory"/>, so two hosts in one process (tests) never share a counter.
/// </summary>
public sealed class AppTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "CommitmentTracker";

    /// <summary>Spans for use cases and extraction; children of the HTTP request's span when there is one.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// Bucket bounds, in seconds, of the app's duration histograms: ASP.NET Core's for http.server.request.duration,
    /// then 30 s and 60 s for long imports. Without this advice the SDK's default bounds (0, 5, 10, 25 … 10000, made for
    /// milliseconds) put every use case in the first bucket, so no percentile could be read from them.
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = DurationBuckets };

    private readonly Counter<long> requests;
    private readonly Histogram<double> requestDuration;
    private readonly Histogram<double> extractionDuration;
    private readonly Counter<long> proposals;
    private readonly Counter<long> webhookDeliveries;
    private long overdue = -1;

    public AppTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        requests = meter.CreateCounter<long>("commitment_tracker.requests", "{request}",
            "Use cases handled (imports, captures, status entries, queries…), by request and outcome.");
        requestDuration = meter.CreateHistogram<double>("commitment_tracker.request.duration", "s",
            "How long a use case took, validation and authorization included, by request and outcome.", tags: null, advice: Seconds);
        extractionDuration = meter.CreateHistogram<double>("commitment_tracker.extraction.duration", "s",
            "How long extracting proposals from one record took, by language.", tags: null, advice: Seconds);
        proposals = meter.CreateCounter<long>("commitment_tracker.extraction.proposals", "{proposal}",
            "Proposals the extractor made, by language.");
        webhookDeliveries = meter.CreateCounter<long>("commitment_tracker.webhook.deliveries", "{delivery}",
            "Webhook delivery attempts, by outcome (delivered, or the reason it failed).");
        meter.CreateObservableGauge("commitment_tracker.commitments.overdue",
            () => Volatile.Read(ref overdue) is var count and >= 0 ? [new Measurement<long>(count)] : Array.Empty<Measurement<long>>(),
            "{commitment}", "Commitments overdue today, as counted by the last overdue announcement run.");
    }

    /// <summary>The outcome names requests are counted under: ok, or the kind of refusal or failure.</summary>
    public static string OutcomeOf(Exception? exception) => exception switch
    {
        null => "ok",
        FluentValidation.ValidationException or DomainRuleException => "invalid",
        NotFoundException => "not_found",
        ForbiddenException or UnauthenticatedException => "refused",
        ConcurrencyConflictException or DuplicateException or PreconditionRequiredException => "conflict",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    public void RequestHandled(string request, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "request", request }, { "outcome", outcome } };
        requests.Add(1, tags);
        requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void RecordExtracted(string language, int proposed, TimeSpan elapsed)
    {
        var tags = new TagList { { "language", language } };
        extractionDuration.Record(elapsed.TotalSeconds, tags);
        proposals.Add(proposed, tags);
    }

    public void RecordWebhookDelivery(string outcome) => webhookDeliveries.Add(1, new TagList { { "outcome", outcome } });

    public void RecordOverdue(long count) => Volatile.Write(ref overdue, count);
}
