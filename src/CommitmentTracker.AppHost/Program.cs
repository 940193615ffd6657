// `dotnet run --project src/CommitmentTracker.AppHost` (needs Docker or Podman): PostgreSQL in a container, the app
// on it, and the Aspire dashboard, to which the app sends its traces, metrics and logs (Aspire sets
// OTEL_EXPORTER_OTLP_ENDPOINT, which turns the app's telemetry on).
var builder = DistributedApplication.CreateBuilder(args);

var adminPassword = builder.AddParameter("admin-password", secret: true);
var database = builder.AddPostgres("postgres")
    .WithDataVolume("commitment-tracker-postgres")
    .AddDatabase("commitment-tracker");

builder.AddProject<Projects.CommitmentTracker_Host>("app")
    .WithReference(database, connectionName: "CommitmentTracker")
    .WithEnvironment("Database__Provider", "PostgreSql")
    .WithEnvironment("Bootstrap__AdminPassword", adminPassword)
    .WaitFor(database)
    .WithExternalHttpEndpoints();

builder.Build().Run();
