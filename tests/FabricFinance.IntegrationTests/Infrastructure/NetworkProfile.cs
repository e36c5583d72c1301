using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>The running network as <c>scripts/network.sh up</c> describes it in <c>network/.run/network.json</c>.</summary>
internal sealed record NetworkProfile(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("orderer")] OrdererProfile Orderer,
    [property: JsonPropertyName("peers")] IReadOnlyList<PeerProfile> Peers,
    [property: JsonPropertyName("orgs")] IReadOnlyList<OrgProfile> Orgs,
    [property: JsonPropertyName("parties")] IReadOnlyDictionary<string, PartyProfile> Parties,
    [property: JsonPropertyName("termsCollections")] string? TermsCollections = null)
{
    public static NetworkProfile Load(string path) =>
        JsonSerializer.Deserialize<NetworkProfile>(File.ReadAllText(path))
        ?? throw new InvalidOperationException($"{path} is empty.");

    public PeerProfile PeerOf(string mspId) => Peers.First(p => p.MspId == mspId);

    public OrgProfile Org(string mspId) => Orgs.First(o => o.MspId == mspId);
}

/// <summary>The orderer's address and TLS CA.</summary>
internal sealed record OrdererProfile(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tlsCaCert")] string TlsCaCert);

/// <summary>One peer: its gateway address and TLS CA.</summary>
internal sealed record PeerProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("tlsCaCert")] string TlsCaCert,
    [property: JsonPropertyName("operations")] string? Operations = null);

/// <summary>One organization and its users' credential files.</summary>
internal sealed record OrgProfile(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("users")] IReadOnlyDictionary<string, UserProfile> Users);

/// <summary>A demo party (an enterprise) and the bank user that stands for it (PARTIES in network/network.config).</summary>
internal sealed record PartyProfile(
    [property: JsonPropertyName("mspId")] string MspId,
    [property: JsonPropertyName("user")] string User);

/// <summary>One user's certificate and private key files.</summary>
internal sealed record UserProfile(
    [property: JsonPropertyName("cert")] string Certificate,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("mspDir")] string MspDirectory);
