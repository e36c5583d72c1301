// Placeholder until the host is composed (ingestion, storage, rules, web).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
await app.RunAsync().ConfigureAwait(false);
