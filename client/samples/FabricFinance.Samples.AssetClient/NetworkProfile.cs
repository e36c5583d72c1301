using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Samples.AssetClient;

/// <summary>The parts of <c>network/.run/network.json</c> (written by <c>scripts/network.sh up</c>) the demo needs.</summary>
internal sealed record NetworkProfile(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("peers")] IReadOnlyList<PeerEntry> Peers,
    [property: JsonPropertyName("orgs")] IReadOnlyList<OrgEntry> Orgs)
{
    public static NetworkProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist: start the network with scripts/network.sh up.", path);
        }

        return JsonSerializer.Deserialize<NetworkProfile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

/// <summary>A peer's gateway address and TLS CA file.</summary>
internal sealed record PeerEntry(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tlsCaCert")] string TlsCaCert);

/// <summary>An organization and its users' credential files.</summary>
internal sealed record OrgEntry(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("users")] IReadOnlyDictionary<string, UserEntry> Users);

/// <summary>A user's certificate and key files.</summary>
internal sealed record UserEntry(
    [property: JsonPropertyName("cert")] string Cert,
    [property: JsonPropertyName("key")] string Key);
