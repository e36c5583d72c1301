using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// Deployed in place of the bill chaincode (same name, same state, like an upgrade): it runs the
/// chaincode unchanged on a stub whose arguments are decoded by <see cref="RawArguments.Decode"/>,
/// so hostile tests can send bytes that are not UTF-8. Everything else passes straight through.
/// </summary>
/// <param name="inner">The chaincode under test.</param>
internal sealed class RawArgumentsChaincode(IChaincode inner) : IChaincode
{
    /// <inheritdoc/>
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
        inner.InitAsync(RawArgumentsStub.Wrap(stub), cancellationToken);

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
        inner.InvokeAsync(RawArgumentsStub.Wrap(stub), cancellationToken);
}
