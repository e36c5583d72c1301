using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class AlertEngineTests
{
    private static AlertFinding Finding(string ruleId, BillActivity activity) =>
        new(ruleId, AlertSeverity.Notice, activity.BillId, ruleId + " saw " + activity.TransactionId, [activity.TransactionId]);

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SeveralRules_RunsThemInRuleIdOrder(CancellationToken cancellationToken)
    {
        // Arrange
        var rules = new[] { "zeta", "alpha", "mid" }.Select(id => new DelegateRule(id, a => [Finding(id, a)]));
        var engine = new AlertEngine(rules, NullLogger<AlertEngine>.Instance);
        var activity = new ActivityStreamBuilder().Issue("B1").Last;

        // Act
        var findings = await engine.EvaluateAsync(activity, new InMemoryRuleContext(), cancellationToken);

        // Assert
        Assert.That(engine.RuleIds, Is.EqualTo(new[] { "alpha", "mid", "zeta" }));
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "alpha", "mid", "zeta" }));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_RuleThrows_LogsItAndRunsTheOthers(CancellationToken cancellationToken)
    {
        // Arrange
        var logger = new ListLogger<AlertEngine>();
        var after = new DelegateRule("b-after", a => [Finding("b-after", a)]);
        var engine = new AlertEngine(
            [after, new DelegateRule("a-broken", _ => throw new InvalidOperationException("boom"))], logger);
        var activity = new ActivityStreamBuilder().Issue("B1").Last;

        // Act
        var findings = await engine.EvaluateAsync(activity, new InMemoryRuleContext(), cancellationToken);

        // Assert
        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "b-after" }));
        var entry = logger.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(entry.Message, Does.Contain("a-broken").And.Contain(activity.TransactionId).And.Contain("B1"));
            Assert.That(entry.Exception, Is.TypeOf<InvalidOperationException>());
        });
    }

    [Test]
    [CancelAfter(5000)]
    public void EvaluateAsync_Cancelled_Throws(CancellationToken cancellationToken)
    {
        // Arrange
        var engine = new AlertEngine([new DelegateRule("a", _ => [])], NullLogger<AlertEngine>.Instance);
        var activity = new ActivityStreamBuilder().Issue("B1").Last;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Act / Assert
        Assert.That(
            async () => await engine.EvaluateAsync(activity, new InMemoryRuleContext(), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    [CancelAfter(5000)]
    public void EvaluateAsync_NullArguments_ThrowNamingThem(CancellationToken cancellationToken)
    {
        // Arrange
        var engine = new AlertEngine([], NullLogger<AlertEngine>.Instance);
        var activity = new ActivityStreamBuilder().Issue("B1").Last;

        // Act / Assert
        Assert.That(
            async () => await engine.EvaluateAsync(null!, new InMemoryRuleContext(), cancellationToken),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("activity"));
        Assert.That(
            async () => await engine.EvaluateAsync(activity, null!, cancellationToken),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("context"));
    }

    [Test]
    public void Constructor_DuplicateRuleIds_ThrowsNamingTheId()
    {
        // Arrange
        var rules = new[] { new DelegateRule("same", _ => []), new DelegateRule("same", _ => []) };

        // Act / Assert
        Assert.That(
            () => new AlertEngine(rules, NullLogger<AlertEngine>.Instance),
            Throws.ArgumentException.With.Message.Contain("'same'"));
    }

    [Test]
    [CancelAfter(10000)]
    public async Task EvaluateAsync_EveryScenarioThroughTheRegisteredRules_RaisesOneFindingPerRule(CancellationToken cancellationToken)
    {
        // Arrange
        var engine = CreateEngine();

        // Act
        var findings = await RuleRunner.RunAsync(engine, MarketStream(), cancellationToken);

        // Assert
        Assert.That(findings.Select(f => (f.RuleId, f.BillId)), Is.EqualTo(new[]
        {
            ("circular-endorsement", "B1"),
            ("rapid-transfers", "B2"),
            ("off-market-rate", "R3"),
            ("request-cancel-churn", "C1"),
            ("double-sale-trace", "S1"),
            ("late-acquisition-presentment", "L1"),
        }));
    }

    [Test]
    [CancelAfter(10000)]
    public async Task EvaluateAsync_SameStreamTwiceOnFreshEngines_RaisesTheSameFindings(CancellationToken cancellationToken)
    {
        // Arrange: two independent containers, as a live run and a rebuild from block 0 would have.
        var stream = MarketStream();

        // Act
        var first = await RuleRunner.RunAsync(CreateEngine(), stream, cancellationToken);
        var second = await RuleRunner.RunAsync(CreateEngine(), stream, cancellationToken);

        // Assert
        Assert.That(first, Is.Not.Empty);
        Assert.That(second.Select(Flatten), Is.EqualTo(first.Select(Flatten)));
    }

    private static string Flatten(AlertFinding f) =>
        $"{f.RuleId}|{f.Severity}|{f.BillId}|{f.Summary}|{string.Join(",", f.Evidence)}";

    /// <summary>All six scenarios on one timeline: each bill and deal id is distinct, the days follow each other.</summary>
    private static IReadOnlyList<BillActivity> MarketStream()
    {
        var s = new ActivityStreamBuilder();
        Scenarios.CircularEndorsement(s);
        s.NextDay();
        Scenarios.RapidTransfers(s);
        s.NextDay();
        Scenarios.OffMarketRate(s);
        s.NextDay();
        Scenarios.RequestCancelChurn(s);
        s.NextDay();
        Scenarios.DoubleSaleTrace(s);
        Scenarios.LateAcquisitionPresentment(s);
        return s.Activities;
    }

    private static AlertEngine CreateEngine()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddAlertRules(configuration);
        return services.BuildServiceProvider().GetRequiredService<AlertEngine>();
    }
}
