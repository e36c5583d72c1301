using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class AlertRulesServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddAlertRules(configuration.GetSection("Monitor:Rules")).BuildServiceProvider();
    }

    [Test]
    public void AddAlertRules_NoSettings_RegistersEverySixRulesInIdOrder()
    {
        // Arrange
        using var provider = Build();

        // Act
        var engine = provider.GetRequiredService<AlertEngine>();

        // Assert
        Assert.That(engine.RuleIds, Is.EqualTo(new[]
        {
            "circular-endorsement", "double-sale-trace", "late-acquisition-presentment", "off-market-rate", "rapid-transfers",
            "request-cancel-churn",
        }));
    }

    [Test]
    public void AddAlertRules_CalledTwice_RegistersEachRuleOnce()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddAlertRules(configuration).AddAlertRules(configuration);

        // Act
        using var provider = services.BuildServiceProvider();

        // Assert
        Assert.That(provider.GetServices<IAlertRule>().Count(), Is.EqualTo(6));
    }

    [Test]
    public void AddAlertRules_NoSettings_PassesStartValidationWithTheDocumentedDefaults()
    {
        // Arrange
        using var provider = Build();

        // Act
        provider.GetRequiredService<IStartupValidator>().Validate();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<IOptions<RapidTransfersRuleOptions>>().Value.MaxTransfersPerBusinessDay, Is.EqualTo(3));
            var rate = provider.GetRequiredService<IOptions<OffMarketRateRuleOptions>>().Value;
            Assert.That((rate.MinDealsPerDay, rate.MinDeviationBps, rate.MinDeviationPercent), Is.EqualTo((3, 300, 50)));
            var churn = provider.GetRequiredService<IOptions<RequestCancelChurnRuleOptions>>().Value;
            Assert.That((churn.WithdrawnDealsThreshold, churn.CountRejected, churn.CountExpired), Is.EqualTo((3, true, false)));
            var trace = provider.GetRequiredService<IOptions<DoubleSaleTraceRuleOptions>>().Value;
            Assert.That((trace.WindowMinutes, trace.ValidationCodes), Is.EqualTo((10, "MvccReadConflict,PhantomReadConflict")));
            Assert.That(
                provider.GetRequiredService<IOptions<LateAcquisitionPresentmentRuleOptions>>().Value.MaxBusinessDaysBeforeDue,
                Is.EqualTo(1));
        });
    }

    [TestCase("RapidTransfers:MaxTransfersPerBusinessDay", "0")]
    [TestCase("OffMarketRate:MinDealsPerDay", "1")]
    [TestCase("OffMarketRate:MinDeviationBps", "-5")]
    [TestCase("OffMarketRate:MinDeviationPercent", "5000")]
    [TestCase("RequestCancelChurn:WithdrawnDealsThreshold", "1")]
    [TestCase("DoubleSaleTrace:WindowMinutes", "0")]
    [TestCase("DoubleSaleTrace:ValidationCodes", " , ")]
    [TestCase("DoubleSaleTrace:ValidationCodes", "Valid")]
    [TestCase("LateAcquisitionPresentment:MaxBusinessDaysBeforeDue", "-1")]
    public void AddAlertRules_BadSetting_FailsStartValidationNamingTheSetting(string key, string value)
    {
        // Arrange
        using var provider = Build(("Monitor:Rules:" + key, value));

        // Act / Assert
        Assert.That(
            () => provider.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contain("Monitor:Rules:" + key));
    }

    [Test]
    public void AddAlertRules_BothDeviationTestsOff_FailsNamingBothSettings()
    {
        // Arrange
        using var provider = Build(("Monitor:Rules:OffMarketRate:MinDeviationBps", "0"), ("Monitor:Rules:OffMarketRate:MinDeviationPercent", "0"));

        // Act / Assert
        Assert.That(
            () => provider.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message
                .Contain("Monitor:Rules:OffMarketRate:MinDeviationBps").And.Message.Contain("Monitor:Rules:OffMarketRate:MinDeviationPercent"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task AddAlertRules_ThresholdFromConfiguration_IsHonoured(CancellationToken cancellationToken)
    {
        // Arrange: two transfers exceed a limit of one.
        using var provider = Build(("Monitor:Rules:RapidTransfers:MaxTransfersPerBusinessDay", "1"));
        var stream = new ActivityStreamBuilder().Issue("B2").Endorse("B2", "x");

        // Act
        var findings = await RuleRunner.RunAsync(provider.GetRequiredService<AlertEngine>(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("more than the 1 allowed"));
    }

    [TestCase("CircularEndorsement", "circular-endorsement")]
    [TestCase("RapidTransfers", "rapid-transfers")]
    [TestCase("OffMarketRate", "off-market-rate")]
    [TestCase("RequestCancelChurn", "request-cancel-churn")]
    [TestCase("DoubleSaleTrace", "double-sale-trace")]
    [TestCase("LateAcquisitionPresentment", "late-acquisition-presentment")]
    [CancelAfter(5000)]
    public async Task AddAlertRules_RuleDisabledInConfiguration_StaysSilent(string rule, string ruleId, CancellationToken cancellationToken)
    {
        // Arrange
        using var enabled = Build();
        using var disabled = Build(($"Monitor:Rules:{rule}:Enabled", "false"));
        var stream = rule switch
        {
            "CircularEndorsement" => Scenarios.CircularEndorsement(),
            "RapidTransfers" => Scenarios.RapidTransfers(),
            "OffMarketRate" => Scenarios.OffMarketRate(),
            "RequestCancelChurn" => Scenarios.RequestCancelChurn(),
            "DoubleSaleTrace" => Scenarios.DoubleSaleTrace(),
            _ => Scenarios.LateAcquisitionPresentment(),
        };

        // Act
        var withRule = await RuleRunner.RunAsync(enabled.GetRequiredService<AlertEngine>(), stream.Activities, cancellationToken);
        var withoutRule = await RuleRunner.RunAsync(disabled.GetRequiredService<AlertEngine>(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(withRule.Select(f => f.RuleId), Does.Contain(ruleId));
        Assert.That(withoutRule.Select(f => f.RuleId), Does.Not.Contain(ruleId));
    }
}
