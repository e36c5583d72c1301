using System.Text.Json.Serialization;

namespace FabricFinance.Samples.Assets;

/// <summary>Compile-time JSON metadata for the sample's records: camelCase, no indentation.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(List<Asset>))]
internal sealed partial class AssetJsonContext : JsonSerializerContext;
