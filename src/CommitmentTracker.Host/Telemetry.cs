using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Telemetry;
using Microsoft.AspNetCore.HttpLogging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommitmentTracker.Host;

/// <summary>
/// Traces, metrics and logs for operators (ADR 21): OpenTelemetry over OTLP when an endpoint is configured, the console
/// exporter for a look on one machine, a Prometheus scrape endpoint behind a setting, and a one-line request log.
/// Nothing is collected when no exporter is configured, so an unobserved app pays nothing for it.
/// </summary>
public static class Telemetry
{
    /// <summary>Where Prometheus scrapes, when <c>Telemetry:Prometheus</c> is on.</summary>
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        if (settings.RequestLog)
        {
            builder.Services.AddHttpLogging(o =>
            {
                o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
                o.CombineLogs = true;
            });
        }

        if (!settings.Enabled)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddSource(AppTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath) && !c.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (settings.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (settings.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (settings.Otlp)
        {
            // Traces, metrics and logs; endpoint, protocol and headers from Telemetry:Otlp or the standard OTEL_* variables.
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
            otel.UseOtlpExporter(settings.OtlpProtocol, settings.OtlpEndpoint!);
        }

        return builder;
    }

    /// <summary>The request log and, when on, the Prometheus endpoint (anonymous: expose it to the scraper's network only).</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        var settings = TelemetrySettings.From(app.Configuration);
        if (settings.RequestLog)
        {
            app.UseHttpLogging();
        }

        if (settings.Enabled && settings.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableRateLimiting();
        }

        return app;
    }

    private sealed record TelemetrySettings(string ServiceName, bool Otlp, Uri? OtlpEndpoint, OpenTelemetry.Exporter.OtlpExportProtocol OtlpProtocol, bool Console, bool Prometheus, bool RequestLog)
    {
        public bool Enabled => Otlp || Console || Prometheus;

        public static TelemetrySettings From(IConfiguration configuration)
        {
            var section = configuration.GetSection("Telemetry");
            var endpoint = section["Otlp:Endpoint"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
            var protocol = (section["Otlp:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) is "grpc"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.Grpc
                : OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
            Uri? otlp = null;
            if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp))
            {
                throw new StartupRefusedException($"Telemetry:Otlp:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute URL such as http://collector:4318; it is '{endpoint}'.");
            }

            return new TelemetrySettings(
                section["ServiceName"] is { Length: > 0 } name ? name : AppTelemetry.Name,
                otlp is not null,
                otlp,
                protocol,
                section.GetValue("Console", false),
                section.GetValue("Prometheus", false),
                section.GetValue("RequestLog", true));
        }
    }
}
