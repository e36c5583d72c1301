namespace FabricFinance.Bills;

/// <summary>The id and display name of an institution party registered by <c>InitLedger</c>.</summary>
/// <param name="Id">Party id, <c>[A-Za-z0-9_-]{1,64}</c>.</param>
/// <param name="Name">Display name, up to 200 characters.</param>
public sealed record InstitutionInfo(string Id, string Name);
