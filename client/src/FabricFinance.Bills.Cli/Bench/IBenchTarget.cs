namespace FabricFinance.Bills.Cli.Bench;

/// <summary>What a run's workers call: one chaincode, through the typed bill client (replaced by a fake in tests).</summary>
internal interface IBenchTarget
{
    /// <summary>Gets the chaincode's name.</summary>
    string Chaincode { get; }

    /// <summary>Evaluates <c>GetBill</c> on the bill issued before the run.</summary>
    Task EvaluateAsync(CancellationToken cancellationToken);

    /// <summary>Submits one step of a bill's flow and waits for its commit.</summary>
    Task SubmitAsync(BillStep step, CancellationToken cancellationToken);
}
