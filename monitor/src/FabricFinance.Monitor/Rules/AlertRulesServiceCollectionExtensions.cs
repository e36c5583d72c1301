using FabricFinance.Monitor.Rules.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules;

/// <summary>Registers the suspicious-activity rules and the <see cref="AlertEngine"/>.</summary>
public static class AlertRulesServiceCollectionExtensions
{
    /// <summary>The configuration section the rules read, one sub-section per rule.</summary>
    public const string SectionName = "Monitor:Rules";

    /// <summary>
    /// Adds every alert rule with its options (bound from <c>&lt;RuleName&gt;</c> under <paramref name="configuration"/>
    /// and validated when the host starts) and the <see cref="AlertEngine"/> that runs them. Calling it twice adds
    /// nothing more.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>Monitor:Rules</c> section.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path : SectionName;

        AddRule<CircularEndorsementRule, CircularEndorsementRuleOptions>(
            services, configuration, path, CircularEndorsementRuleOptions.SectionName);
        AddRule<DoubleSaleTraceRule, DoubleSaleTraceRuleOptions>(
            services, configuration, path, DoubleSaleTraceRuleOptions.SectionName);
        AddRule<LateAcquisitionPresentmentRule, LateAcquisitionPresentmentRuleOptions>(
            services, configuration, path, LateAcquisitionPresentmentRuleOptions.SectionName);
        AddRule<OffMarketRateRule, OffMarketRateRuleOptions>(
            services, configuration, path, OffMarketRateRuleOptions.SectionName);
        AddRule<RapidTransfersRule, RapidTransfersRuleOptions>(
            services, configuration, path, RapidTransfersRuleOptions.SectionName);
        AddRule<RequestCancelChurnRule, RequestCancelChurnRuleOptions>(
            services, configuration, path, RequestCancelChurnRuleOptions.SectionName);

        services.TryAddSingleton<AlertEngine>();
        return services;
    }

    private static void AddRule<TRule, TOptions>(
        IServiceCollection services, IConfiguration configuration, string path, string sectionName)
        where TRule : class, IAlertRule
        where TOptions : AlertRuleOptions
    {
        if (services.Any(d => d.ServiceType == typeof(IAlertRule) && d.ImplementationType == typeof(TRule)))
        {
            return;
        }

        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new AlertRuleOptionsValidator<TOptions>($"{path}:{sectionName}"));
        services.AddSingleton<IAlertRule, TRule>();
    }
}
