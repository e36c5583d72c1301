namespace FabricFinance.Chaincode.Tests.Infrastructure;

/// <summary>What a test's chaincode does with a transaction.</summary>
internal delegate Task<ChaincodeResponse> ChaincodeBehaviour(IChaincodeStub stub, CancellationToken cancellationToken);

/// <summary>A chaincode whose INIT and TRANSACTION both run the behaviour the test registered.</summary>
internal sealed class DelegateChaincode(ChaincodeBehaviour behaviour) : IChaincode
{
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) => behaviour(stub, cancellationToken);

    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken) => behaviour(stub, cancellationToken);
}
