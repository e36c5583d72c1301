using System.Text.Json;
using System.Text.Json.Serialization;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>
/// The JSON the API writes: the ledger's own conventions (<see cref="BillJson.Options"/>: camelCase, enums as their
/// names, dates as <c>yyyy-MM-dd</c>), plus the monitor's alert severity as a name.
/// </summary>
internal static class WebJson
{
    /// <summary>Gets the serializer options of every API response.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(BillJson.Options);
        options.Converters.Add(new JsonStringEnumConverter<AlertSeverity>());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
