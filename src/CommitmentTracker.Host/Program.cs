using CommitmentTracker.Api;
using CommitmentTracker.Application;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Host;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// A start that cannot go on because of its setup ends with one line saying why and exit code 1 (StartupFailure), not
// an unhandled exception; a fault still ends as one, with its stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args);

    // The build output serves the framework's and libraries' files (blazor.web.js, MudBlazor) from their packages through
    // a manifest that ASP.NET Core reads only in Development; started as Production (the benchmarks, an operator trying a
    // build) it answered them 200 with an empty body and no page became interactive. Published output has no such
    // manifest, so this is a no-op there: its files are in wwwroot.
    builder.WebHost.UseStaticWebAssets();

    // The pages link their files by fingerprinted URLs, which the manifest serves as immutable for a year; from build
    // output ASP.NET Core overrides that with no-cache unless this is set, so every page asked again for each file.
    // Outside Development the manifest's own answer holds (a changed file gets a new fingerprint); in Development a
    // file edited under `dotnet watch` keeps its URL, so there the override stays unless configured otherwise.
    builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= (!builder.Environment.IsDevelopment()).ToString();
    builder.AddTelemetry();
    builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddApi();
    builder.Services.AddWeb();
    builder.Services.AddWriteRateLimits(builder.Configuration);
    builder.Services.AddSecurityHeaders();
    builder.Services.AddTrustedProxies(builder.Configuration);
    if (BuildTimeDocument.IsBeingWritten)
    {
        BuildTimeDocument.WithoutBackgroundWork(builder.Services);
    }

    var app = builder.Build();

    // The command's arguments are checked before the database is migrated or seeded: bad input changes nothing.
    var synthetic = SyntheticDataCommand.IsRequested(args) ? SyntheticDataCommand.Read(app.Configuration) : null;
    if (SyntheticDataCommand.IsRequested(args) && synthetic is null)
    {
        return 2;
    }

    if (!BuildTimeDocument.IsBeingWritten)
    {
        await app.Services.InitialiseDatabaseAsync();
    }

    if (synthetic is not null)
    {
        return await SyntheticDataCommand.RunAsync(app.Services, synthetic);
    }

    if (RebuildDashboardCommand.IsRequested(args))
    {
        return await RebuildDashboardCommand.RunAsync(app.Services);
    }

    // First: the scheme, host and client address a trusted proxy forwarded decide HSTS, the cookie's Secure flag and
    // feed addresses; the security headers and the 401 challenge are set when any response starts, errors included.
    app.UseForwardedHeaders();
    app.UseTelemetry();
    app.UseSecurityHeaders();
    app.UseAuthenticateChallengeHeader();
    app.UseExceptionHandler();
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
        app.UseHttpsRedirection();
    }

    // Empty error responses: problem+json for the API, the app's own "Page not found" (still a 404) for people.
    app.UseWhen(IsForPrograms, api => api.UseStatusCodePages());
    app.UseWhen(c => !IsForPrograms(c), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

    // Routing after the status-code pages, so a re-executed request is routed again.
    app.UseRouting();
    app.UseAuthentication();
    app.UseApiKeyRefusals();
    app.UseCrossSiteRequestGuard();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseAntiforgery();
    app.MapStaticAssets();

    app.MapApi();
    app.MapWeb();
    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

    await app.RunAsync();
    return 0;
}
catch (Exception failure) when (StartupFailure.LineFor(failure) is { } line)
{
    Console.Error.WriteLine(line);
    return StartupFailure.ExitCode;
}

static bool IsForPrograms(HttpContext context) =>
    context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(AppPaths.OpenApi);
