using FabricFinance.Bills;

namespace FabricFinance.Monitor.Storage;

/// <summary>A deal as a block left it.</summary>
/// <param name="Deal">The deal's public record.</param>
/// <param name="Terms">Its private terms as the block wrote them; null keeps the terms already stored.</param>
/// <param name="FirstBlock">The block where the deal first appeared (its request).</param>
/// <param name="FirstTransactionIndex">The request's position in that block.</param>
public sealed record DealChange(Deal Deal, DealTerms? Terms, long FirstBlock, int FirstTransactionIndex);
