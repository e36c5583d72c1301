namespace FabricFinance.Samples.Assets;

/// <summary>An asset on the ledger, written as <c>{"id":…,"owner":…,"value":…}</c> (properties in ordinal order).</summary>
/// <param name="Id">The asset id.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Value">Its value, an integer (no floating point in chaincode).</param>
internal sealed record Asset(string Id, string Owner, long Value);
