namespace FabricFinance.Bills;

/// <summary>One entry of a bill's trail: who passed it to whom, when, in which transaction.</summary>
/// <param name="Type">How it changed hands.</param>
/// <param name="From">The party that gave it up.</param>
/// <param name="To">The party that received it.</param>
/// <param name="Amount">The amount that moved, in fen.</param>
/// <param name="Date">The business date of the transfer.</param>
/// <param name="TxId">The Fabric transaction id that made it.</param>
public sealed record Transfer(TransferType Type, string From, string To, long Amount, DateOnly Date, string TxId);
