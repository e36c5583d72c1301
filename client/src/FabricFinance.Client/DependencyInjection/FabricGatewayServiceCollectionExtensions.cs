using FabricFinance.Client.DependencyInjection;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods for IServiceCollection live in its namespace, so they are found without a using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a Fabric <see cref="FabricFinance.Client.Gateway"/> and its gRPC channel in a service container.</summary>
/// <example>
/// <code>
/// builder.Services.AddFabricGateway(builder.Configuration.GetSection("Fabric"));
///
/// // Later, in any service:
/// public sealed class BillService(Network network)
/// {
///     private readonly Contract _bills = network.GetContract("bills");
/// }
/// </code>
/// </example>
public static class FabricGatewayServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="GrpcChannel"/> registered for the gateway.</summary>
    public const string ChannelServiceKey = "FabricFinance.Client.Gateway";

    /// <summary>
    /// Registers a gateway configured from a configuration section holding <see cref="FabricGatewayOptions"/>' properties.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, for example <c>configuration.GetSection("Fabric")</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see cref="AddFabricGateway(IServiceCollection, Action{FabricGatewayOptions})"/> for what is registered.</remarks>
    public static IServiceCollection AddFabricGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IConfigureOptions<FabricGatewayOptions>>(new FabricGatewayOptionsBinder(configuration));
        return AddFabricGatewayCore(services);
    }

    /// <summary>
    /// Registers a gateway configured in code. Configuration bound by
    /// <see cref="AddFabricGateway(IServiceCollection, IConfiguration)"/> applies first when both are used.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example a <see cref="FabricGatewayOptions.Signer"/> backed by an HSM.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Registers, once however often it is called:</para>
    /// <list type="bullet">
    /// <item><description>a <see cref="GrpcChannel"/> singleton under the key <see cref="ChannelServiceKey"/>;</description></item>
    /// <item><description>a <see cref="FabricFinance.Client.Gateway"/> singleton on that channel, with the container's
    /// <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>, <see cref="System.Diagnostics.Metrics.IMeterFactory"/> and
    /// <see cref="TimeProvider"/> when it has them;</description></item>
    /// <item><description>a <see cref="FabricFinance.Client.Network"/> singleton for <see cref="FabricGatewayOptions.ChannelName"/>.</description></item>
    /// </list>
    /// <para>
    /// The options are validated when first resolved (at start-up under the generic host), failing with an
    /// <see cref="OptionsValidationException"/> that lists every problem. The container disposes the gateway, then the channel.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddFabricGateway(this IServiceCollection services, Action<FabricGatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddFabricGatewayCore(services);
    }

    private static IServiceCollection AddFabricGatewayCore(IServiceCollection services)
    {
        services.AddOptions<FabricGatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FabricGatewayOptions>, FabricGatewayOptionsValidator>());
        services.TryAddKeyedSingleton(
            ChannelServiceKey,
            static (provider, _) => FabricGatewayFactory.CreateChannel(provider.GetRequiredService<IOptions<FabricGatewayOptions>>().Value));
        services.TryAddSingleton(static provider => FabricGatewayFactory.CreateGateway(provider));
        services.TryAddSingleton(static provider => FabricGatewayFactory.CreateNetwork(provider));
        return services;
    }
}
