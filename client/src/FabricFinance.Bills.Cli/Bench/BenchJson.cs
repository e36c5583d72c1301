using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>How the report is written: camelCase, indented, nulls kept (a figure that could not be measured is null).</summary>
internal static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options);
}
