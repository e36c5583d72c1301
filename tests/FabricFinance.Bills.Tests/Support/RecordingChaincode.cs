using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// Runs the bill chaincode unchanged on a <see cref="RecordingStub"/>, which notes its private data
/// calls; everything else passes straight through.
/// </summary>
/// <param name="inner">The chaincode under test.</param>
/// <param name="log">Where the private data calls go.</param>
public sealed class RecordingChaincode(IChaincode inner, PrivateDataLog log) : IChaincode
{
    /// <inheritdoc/>
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
        inner.InitAsync(new RecordingStub(stub, log), cancellationToken);

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
        inner.InvokeAsync(new RecordingStub(stub, log), cancellationToken);
}
