namespace FabricFinance.Bills.Tests.Properties;

/// <summary>A generated operation resolved against the market: who calls what, on which bill or deal.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Actor">The caller.</param>
/// <param name="Function">The transaction.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Transient">Its transient data.</param>
/// <param name="BillId">The bill it acts on (for a deal operation, the deal's bill), or null.</param>
/// <param name="DealId">The deal it acts on or creates, or null.</param>
public sealed record PlannedCall(
    MarketOperationKind Kind,
    string Actor,
    string Function,
    string[] Arguments,
    IReadOnlyDictionary<string, string>? Transient,
    string? BillId,
    string? DealId)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Actor} {Function}({string.Join(", ", Arguments)})";
}
