using System.Text.Json;
using System.Text.Json.Serialization;
using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// The running network as <c>scripts/network.sh up</c> describes it in <c>network.json</c> (scripts/lib/profile.sh):
/// the channel, every peer, every org's users, and the demo parties mapped to users.
/// </summary>
internal sealed record NetworkProfile(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("peers")] IReadOnlyList<PeerProfile> Peers,
    [property: JsonPropertyName("orgs")] IReadOnlyList<OrgProfile> Orgs,
    [property: JsonPropertyName("parties")] IReadOnlyDictionary<string, PartyProfile>? Parties)
{
    /// <summary>Reads a network.json; relative credential paths are taken relative to its folder.</summary>
    /// <exception cref="NetworkSetupException">The file cannot be read or is not a network description.</exception>
    public static NetworkProfile Load(string path)
    {
        NetworkProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<NetworkProfile>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetworkSetupException($"Cannot read {path}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new NetworkSetupException($"{path} is not a network description written by scripts/network.sh: {ex.Message}", ex);
        }

        if (profile is null || string.IsNullOrEmpty(profile.Channel) || profile.Peers is null || profile.Orgs is null)
        {
            throw new NetworkSetupException($"{path} names no channel, peers or orgs; was it written by scripts/network.sh up?");
        }

        return profile with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "." };
    }

    /// <summary>Gets the folder of the network.json, against which relative paths are resolved.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = ".";

    /// <summary>Makes a path from network.json absolute.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}

/// <summary>One peer: its gateway address (<c>host:port</c>), TLS CA certificate file, and operations endpoint.</summary>
internal sealed record PeerProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tlsCaCert")] string TlsCaCert,
    [property: JsonPropertyName("operations")] string? Operations = null);

/// <summary>One organization, its kind (<c>peer</c> or <c>orderer</c>) and its users' credential files.</summary>
internal sealed record OrgProfile(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("users")] IReadOnlyDictionary<string, UserProfile>? Users);

/// <summary>A demo party (an enterprise) and the user of its bank's MSP that acts for it.</summary>
internal sealed record PartyProfile(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("user")] string User);

/// <summary>One user's certificate and private key files.</summary>
internal sealed record UserProfile(
    [property: JsonPropertyName("cert")] string Cert,
    [property: JsonPropertyName("key")] string Key);
