namespace FabricFinance.Chaincode.Testing.Tests.Infrastructure;

/// <summary>A chaincode whose transactions are a delegate, for tests that drive the stub directly.</summary>
public sealed class DelegateChaincode(Func<IChaincodeStub, Task<ChaincodeResponse>> invoke) : IChaincode
{
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) => invoke(stub);

    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken) => invoke(stub);

    /// <summary>A chaincode that runs <paramref name="body"/> and answers success.</summary>
    public static DelegateChaincode Of(Func<IChaincodeStub, Task> body) => new(async stub =>
    {
        await body(stub);
        return ChaincodeResponse.Success();
    });
}
