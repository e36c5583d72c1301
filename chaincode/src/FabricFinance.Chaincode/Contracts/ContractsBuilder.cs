using FabricFinance.Chaincode.Contracts.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>Adds contracts to the <see cref="ContractRouter"/> that <see cref="ContractServiceCollectionExtensions.AddContracts"/> registered.</summary>
public sealed class ContractsBuilder
{
    private readonly ContractCatalog _catalog;

    internal ContractsBuilder(IServiceCollection services, ContractCatalog catalog)
    {
        Services = services;
        _catalog = catalog;
    }

    /// <summary>Gets the service collection, to register what the contracts depend on.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a contract. It is registered as a singleton unless the service collection already has a
    /// registration for it (register it as scoped yourself to get one instance per transaction).
    /// Adding the same contract twice has no effect.
    /// </summary>
    /// <typeparam name="TContract">The contract class.</typeparam>
    /// <returns>This builder.</returns>
    public ContractsBuilder AddContract<TContract>()
        where TContract : class, IContract
    {
        Services.TryAddSingleton<TContract>();
        if (!_catalog.Types.Contains(typeof(TContract)))
        {
            _catalog.Types.Add(typeof(TContract));
        }

        return this;
    }
}
