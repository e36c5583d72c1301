using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// The parts of a network description (<c>.run/network.json</c>, written by <c>scripts/network.sh up</c>) the monitor
/// needs: the channel, the peers with their TLS roots, and each organization's users with their certificate and key.
/// Relative paths are taken from the file's folder.
/// </summary>
internal sealed record NetworkProfile(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("peers")] IReadOnlyList<NetworkPeer> Peers,
    [property: JsonPropertyName("orgs")] IReadOnlyList<NetworkOrganization> Orgs)
{
    [JsonIgnore]
    public string BaseDirectory { get; init; } = ".";

    /// <summary>Reads a network description.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or is not a network description.</exception>
    public static NetworkProfile Load(string path)
    {
        NetworkProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<NetworkProfile>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot read {path}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not a network description written by scripts/network.sh: {ex.Message}", ex);
        }

        if (profile is null || string.IsNullOrEmpty(profile.Channel) || profile.Peers is null || profile.Orgs is null)
        {
            throw new InvalidOperationException($"{path} names no channel, peers or orgs; was it written by scripts/network.sh up?");
        }

        return profile with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "." };
    }

    public string Resolve(string path) => Path.GetFullPath(path, BaseDirectory);
}

/// <summary>A peer of the network description.</summary>
internal sealed record NetworkPeer(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tlsCaCert")] string TlsCaCert);

/// <summary>An organization of the network description and its users.</summary>
internal sealed record NetworkOrganization(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("users")] IReadOnlyDictionary<string, NetworkUser>? Users);

/// <summary>A user's certificate and private key files.</summary>
internal sealed record NetworkUser(
    [property: JsonPropertyName("cert")] string Certificate,
    [property: JsonPropertyName("key")] string Key);
