namespace FabricFinance.Bills;

/// <summary>The argument of <c>RegisterParty</c>.</summary>
/// <param name="Id">Party id, <c>[A-Za-z0-9_-]{1,64}</c>.</param>
/// <param name="Kind">What the party is.</param>
/// <param name="MspId">The MSP whose identities act for it.</param>
/// <param name="Name">Display name, up to 200 characters.</param>
/// <param name="Subject">The certificate subject of the one identity acting for it, or <see langword="null"/> for an institution.</param>
public sealed record PartyRegistration(string Id, PartyKind Kind, string MspId, string Name, string? Subject = null);
