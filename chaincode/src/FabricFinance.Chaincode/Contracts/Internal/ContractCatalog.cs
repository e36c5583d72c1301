namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>The contract types registered with <see cref="ContractsBuilder.AddContract{TContract}"/>, in registration order.</summary>
internal sealed class ContractCatalog
{
    public List<Type> Types { get; } = [];
}
