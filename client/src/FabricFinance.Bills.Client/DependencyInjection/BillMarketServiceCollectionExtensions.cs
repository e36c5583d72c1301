using FabricFinance.Bills.Client;
using FabricFinance.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Extension methods for IServiceCollection live in its namespace, so they are found without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed bill market client in a service container.</summary>
public static class BillMarketServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="BillMarketClient"/> on the container's <see cref="Network"/>, which
    /// <c>services.AddFabricGateway(...)</c> registers (with <c>ChannelName</c> set). When the options name no logger
    /// factory, the container's <see cref="ILoggerFactory"/> is used.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the chaincode and contract names; optional.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddFabricGateway(builder.Configuration.GetSection("Fabric"));
    /// builder.Services.AddBillMarketClient(options => options.ChaincodeName = "bills");
    /// </code>
    /// </example>
    public static IServiceCollection AddBillMarketClient(this IServiceCollection services, Action<BillMarketClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BillMarketClientOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(static provider =>
        {
            var configured = provider.GetRequiredService<IOptions<BillMarketClientOptions>>().Value;
            var options = new BillMarketClientOptions
            {
                ChaincodeName = configured.ChaincodeName,
                ContractName = configured.ContractName,
                LoggerFactory = configured.LoggerFactory ?? provider.GetService<ILoggerFactory>(),
            };
            foreach (var organization in configured.DealTermsOrganizations)
            {
                options.DealTermsOrganizations.Add(organization);
            }

            return new BillMarketClient(provider.GetRequiredService<Network>(), options);
        });
        return services;
    }
}
