// The ceiling for bench/http-bench.sh: bare Kestrel answering every request with the same bytes (a page the real
// app served, read once from the file named by --page), with no authentication, routing table, database or
// serialisation. What the app achieves is reported as a share of this, measured in the same run on the same cores.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var page = await File.ReadAllBytesAsync(app.Configuration["page"] ?? throw new InvalidOperationException("--page <file> is required"));
app.Run(context =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = page.Length;
    return context.Response.Body.WriteAsync(page).AsTask();
});
await app.RunAsync();
