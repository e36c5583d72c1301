using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Web;
using Microsoft.Extensions.Options;

// The regulator's live monitor: follows the bill chaincode's blocks into a read model, raises alerts, serves the web.
// `--rebuild` wipes the read model and reads the chain again from block 0.
var rebuild = args.Contains("--rebuild", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--rebuild").ToArray());
if (rebuild)
{
    builder.Configuration.AddInMemoryCollection([new($"{MonitorOptions.SectionName}:{nameof(MonitorOptions.Rebuild)}", "true")]);
}

var monitorSection = builder.Configuration.GetSection(MonitorOptions.SectionName);
builder.Services.AddMonitorCore(
    monitorSection,
    new MonitorOptionsSetup(
        builder.Environment.ContentRootPath,
        Environment.GetEnvironmentVariable(MonitorOptionsSetup.StateDirectoryVariable),
        Directory.GetCurrentDirectory()));
builder.Services.AddAlertRules(builder.Configuration.GetSection(AlertRulesServiceCollectionExtensions.SectionName));
builder.Services.Configure<MonitorWebOptions>(monitorSection.GetSection("Web"));

// Listen where Monitor:Url says, on 127.0.0.1 only; this replaces any --urls or ASPNETCORE_URLS.
var url = monitorSection[nameof(MonitorOptions.Url)] ?? MonitorOptions.DefaultUrl;
var endpoint = MonitorOptionsValidator.ListenEndpoint(url, out var problem)
    ?? throw new OptionsValidationException(
        MonitorOptions.SectionName, typeof(MonitorOptions), [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.Url)} is '{url}': {problem}"]);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));

var app = builder.Build();
app.MapMonitorWeb();
await app.RunAsync().ConfigureAwait(false);
