using FabricFinance.Chaincode.Contracts.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>Registers a chaincode made of contracts with dependency injection.</summary>
public static class ContractServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="ContractRouter"/> as the <see cref="IChaincode"/>, over the contracts added
    /// with the returned builder. The router is built (and every contract checked) when the chaincode is
    /// first resolved; the chaincode server resolves it at startup, so a bad contract stops the host.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddContracts().AddContract&lt;AssetContract&gt;();
    /// builder.AddChaincodeServer();
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the router's options (serializer, metadata title and version).</param>
    /// <returns>A builder to add contracts with.</returns>
    /// <exception cref="InvalidOperationException">
    /// Another <see cref="IChaincode"/> is already registered. (Resolving the chaincode later throws
    /// <see cref="InvalidOperationException"/> when no contract was added, and
    /// <see cref="ContractDefinitionException"/> when a contract cannot be served.)
    /// </exception>
    public static ContractsBuilder AddContracts(this IServiceCollection services, Action<ContractRouterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = services.FirstOrDefault(d => d.ServiceType == typeof(ContractCatalog))?.ImplementationInstance as ContractCatalog;
        if (catalog is null)
        {
            if (services.Any(d => d.ServiceType == typeof(IChaincode)))
            {
                throw new InvalidOperationException(
                    "An IChaincode is already registered (for example by AddChaincodeServer<TChaincode>); a chaincode is either one IChaincode or a set of contracts.");
            }

            catalog = new ContractCatalog();
            services.AddSingleton(catalog);
            services.AddOptions<ContractRouterOptions>();
            services.TryAddSingleton<IChaincode>(provider =>
            {
                var types = provider.GetRequiredService<ContractCatalog>().Types;
                return types.Count == 0
                    ? throw new InvalidOperationException("AddContracts() was called but no contract was added: call AddContract<TContract>() on the builder it returns.")
                    : ContractRouter.Create(provider, types, provider.GetRequiredService<IOptions<ContractRouterOptions>>().Value);
            });
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new ContractsBuilder(services, catalog);
    }
}
