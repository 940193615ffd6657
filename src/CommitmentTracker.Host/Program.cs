using CommitmentTracker.Api;
using CommitmentTracker.Application;
using CommitmentTracker.Host;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddApi();
builder.Services.AddWeb();

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync();

if (SyntheticDataCommand.IsRequested(args))
{
    return await SyntheticDataCommand.RunAsync(app.Services, app.Configuration);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAntiforgery();
app.MapStaticAssets();

app.MapApi();
app.MapWeb();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

await app.RunAsync();
return 0;
