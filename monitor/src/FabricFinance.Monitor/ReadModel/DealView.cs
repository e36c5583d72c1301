using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>A deal's public record and, as the regulator may read them, its private terms.</summary>
/// <param name="Deal">The deal as the ledger holds it now.</param>
/// <param name="Terms">Its terms; null when the monitor could not read them.</param>
public sealed record DealView(Deal Deal, DealTerms? Terms);
