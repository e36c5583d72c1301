using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>The probe as an <see cref="IChaincode"/>: a contract router over <see cref="ProbeContract"/>.</summary>
public sealed class ProbeChaincode : IChaincode
{
    private readonly ContractRouter _router = ContractRouter.Create([new ProbeContract()]);

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) => _router.InitAsync(stub, cancellationToken);

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken) => _router.InvokeAsync(stub, cancellationToken);
}
