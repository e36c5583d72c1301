namespace FabricFinance.Bills;

/// <summary>A party registered on the ledger by the exchange.</summary>
/// <param name="Id">Short unique id, <c>[A-Za-z0-9_-]{1,64}</c>, e.g. <c>CoreCorp</c>.</param>
/// <param name="Kind">What the party is.</param>
/// <param name="MspId">The MSP whose identities act for the party.</param>
/// <param name="Subject">
/// The certificate subject of the one identity that acts for the party (enterprises), rendered most
/// specific attribute first (<c>CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US</c>);
/// <see langword="null"/> when any client identity of <paramref name="MspId"/> acts for it (institutions).
/// </param>
/// <param name="Name">Display name, up to 200 characters.</param>
/// <param name="Status">Whether the party may act.</param>
public sealed record Party(string Id, PartyKind Kind, string MspId, string? Subject, string Name, PartyStatus Status);
