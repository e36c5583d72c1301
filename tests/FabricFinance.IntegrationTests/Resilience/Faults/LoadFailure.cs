using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// One failed transaction or query of a load, classified. <see cref="Kind"/> is the exception type
/// with the gRPC status or validation code (<c>EndorseException(Aborted)</c>,
/// <c>BillConflictException(MvccReadConflict)</c>); <see cref="Typed"/> is whether the client raised
/// one of its own types (a <see cref="BillMarketException"/>, <see cref="GatewayException"/> or
/// <see cref="CommitException"/>): anything else is a finding. <see cref="Ambiguous"/> marks a
/// failure after which the transaction may still have committed (it reached the orderer, or the
/// failure is untyped), to be looked up on the ledger.
/// </summary>
internal sealed record LoadFailure(
    string Transaction,
    string BillId,
    string Kind,
    bool Typed,
    bool Ambiguous,
    string? TransactionId,
    TimeSpan Started,
    TimeSpan Ended,
    string Message)
{
    public static LoadFailure From(string transaction, string billId, Exception exception, TimeSpan started, TimeSpan ended)
    {
        var (kind, typed, ambiguous, transactionId) = exception switch
        {
            BillConflictException c => ($"{nameof(BillConflictException)}({c.ValidationCode})", true, false, c.TransactionId),
            BillMarketException b => (b.GetType().Name, true, false, b.TransactionId),
            EndorseException e => ($"{nameof(EndorseException)}({e.StatusCode})", true, false, e.TransactionId),
            SubmitException s => ($"{nameof(SubmitException)}({s.StatusCode})", true, true, s.TransactionId),
            CommitStatusException s => ($"{nameof(CommitStatusException)}({s.StatusCode})", true, true, s.TransactionId),
            TransactionException t => ($"{t.GetType().Name}({t.StatusCode})", true, false, t.TransactionId), // an evaluate: never ordered
            GatewayException g => ($"{g.GetType().Name}({g.StatusCode})", true, true, null),
            CommitException c => ($"{nameof(CommitException)}({c.Code})", true, false, c.TransactionId),
            _ => ($"untyped {exception.GetType().FullName}", false, true, (string?)null),
        };
        return new LoadFailure(transaction, billId, kind, typed, ambiguous, transactionId, started, ended, Describe(exception));
    }

    /// <summary>The message with each peer's detail, on one line.</summary>
    private static string Describe(Exception exception)
    {
        var gateway = exception as GatewayException ?? (exception as BillMarketException)?.GatewayException;
        var details = gateway is null ? string.Empty : string.Concat(gateway.Details.Select(d => $" [{d.MspId} {d.Address}: {d.Message}]"));
        return (exception.Message + details).ReplaceLineEndings(" ");
    }
}
