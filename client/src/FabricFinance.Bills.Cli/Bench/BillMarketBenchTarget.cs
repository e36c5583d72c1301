using FabricFinance.Bills.Client;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// A chaincode with the bill contract's transactions (the bill contract, or the no-op ceiling), driven through the
/// typed bill client as each member of the cast: the same client code for both, so their difference is the
/// chaincode's.
/// </summary>
internal sealed class BillMarketBenchTarget(
    string chaincode,
    BenchCast cast,
    Func<string, BillMarketClient> clientOf,
    string evaluateBillId,
    DateOnly dueDate,
    long amount) : IBenchTarget
{
    private readonly BillMarketClient _reader = clientOf(cast.Reader);
    private readonly BillMarketClient _issuer = clientOf(cast.Issuer);
    private readonly BillMarketClient _acceptor = clientOf(cast.Acceptor);
    private readonly BillMarketClient _payee = clientOf(cast.Payee);

    public string Chaincode { get; } = chaincode;

    /// <summary>Gets the bill the evaluations read.</summary>
    public string EvaluateBillId { get; } = evaluateBillId;

    public Task EvaluateAsync(CancellationToken cancellationToken) => _reader.GetBillAsync(EvaluateBillId, cancellationToken);

    public Task SubmitAsync(BillStep step, CancellationToken cancellationToken) => step.Kind switch
    {
        BillStepKind.Issue => IssueAsync(step.BillId, cancellationToken),
        BillStepKind.Accept => _acceptor.AcceptBillAsync(step.BillId, cancellationToken),
        _ => _payee.EndorseBillAsync(step.BillId, cast.Endorsee, null, cancellationToken),
    };

    /// <summary>Issues a bank bill from the issuer to the payee, accepted by the acceptor; returns the commit.</summary>
    public Task<Committed<Bill>> IssueAsync(string billId, CancellationToken cancellationToken) =>
        _issuer.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, cast.Payee, cast.Acceptor, amount, dueDate, Transferable: true), cancellationToken);
}
