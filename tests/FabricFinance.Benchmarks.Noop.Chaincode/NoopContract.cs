using System.Diagnostics.CodeAnalysis;
using FabricFinance.Bills;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Benchmarks.Noop.Chaincode;

/// <summary>
/// The bill benchmark's transactions with nothing behind them: same names and arguments as the bill contract, so
/// the same typed client drives both. The query answers a constant bill; each submit writes one key (a blind write,
/// so nothing ever conflicts) and answers the same bill. What is left is the cost of Fabric, the shim, the router
/// and the client: the ceiling the bill contract is measured against (docs/performance.md).
/// </summary>
[Contract(Name = BillTransactions.ContractName, IsDefault = true, Title = "No-op bills", Description = "The bill workload's transactions, answering at once.")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The router calls transactions on the contract instance.")]
public sealed class NoopContract : ContractBase
{
    /// <summary>The bill every transaction answers, serialized once: what the client decodes, as for the real contract.</summary>
    private static readonly byte[] Answer = BillJson.SerializeToUtf8Bytes(new Bill(
        "NOOP", BillKind.Bank, "CoreCorp", "SupplierA", "BankA", 10_000_000, BillRules.Currency, new DateOnly(2026, 1, 5), new DateOnly(2026, 4, 5),
        true, "SupplierA", BillStatus.Active, [1, 10_000_000], null, [], 1, new DateOnly(2026, 1, 5), null, null, null, null));

    /// <summary>Answers the constant bill without reading anything.</summary>
    /// <param name="billId">Ignored.</param>
    /// <returns>The constant bill's JSON.</returns>
    [Transaction(Evaluate = true)]
    public byte[] GetBill(string billId) => Answer;

    /// <summary>Writes the request under the transaction id.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="request">The bill request's JSON, not parsed.</param>
    /// <returns>The constant bill's JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    [Transaction]
    public Task<byte[]> IssueBill(Context context, string request)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context, "noop~" + context.Stub.TransactionId, request);
    }

    /// <summary>Writes the bill id under itself.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <returns>The constant bill's JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="billId"/> is <see langword="null"/>.</exception>
    [Transaction]
    public Task<byte[]> AcceptBill(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context, "noop~" + billId, billId);
    }

    /// <summary>Writes the endorsee under the bill id.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="toParty">The endorsee.</param>
    /// <param name="amount">Ignored, as optional as in the bill contract.</param>
    /// <returns>The constant bill's JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="toParty"/> is <see langword="null"/>.</exception>
    [Transaction]
    public Task<byte[]> EndorseBill(Context context, string billId, string toParty, long? amount = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context, "noop~" + billId, toParty);
    }

    private static async Task<byte[]> WriteAsync(Context context, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        await context.Stub.PutStateAsync(key, System.Text.Encoding.UTF8.GetBytes(value), context.CancellationToken).ConfigureAwait(false);
        return Answer;
    }
}
