using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class OffMarketRateRuleTests
{
    private static OffMarketRateRule Rule(OffMarketRateRuleOptions? options = null) =>
        new(RuleRunner.Options(options ?? new OffMarketRateRuleOptions()));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ThirdDealFarAboveMedian_RaisesWarningOnItsRequest(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.OffMarketRate();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("off-market-rate"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Warning));
            Assert.That(finding.BillId, Is.EqualTo("R3"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx009" }));
            Assert.That(finding.Summary, Does.StartWith("Discount deal D3 on bill R3, seller-3 selling to bank-c, asks 900 bps"));
            Assert.That(finding.Summary, Does.Contain("490 bps (120%) above the median 410 bps of the 3 deals requested on 2026-03-02"));
            Assert.That(finding.Summary, Does.Contain("threshold: 300 bps or 50% of the median"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_RateFarBelowMedian_RaisesFindingSayingBelow(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.OffMarketRate(first: 400, second: 410, third: 100);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("300 bps (75%) below the median 400 bps"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SmallAbsoluteButLargeRelativeDeviation_RaisesByPercent(CancellationToken cancellationToken)
    {
        // Arrange: median 210, 320 is 110 bps away (< 300) but 52% (>= 50%).
        var stream = Scenarios.OffMarketRate(first: 200, second: 210, third: 320);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("110 bps (52%) above the median 210 bps"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_EvenCountMedian_AveragesTheMiddleRates(CancellationToken cancellationToken)
    {
        // Arrange: four deals 400, 410, 420, 1000 → median 415.
        var stream = Scenarios.OffMarketRate(third: 420).Issue("R4").RequestDeal("R4", "D4", "bank-b", 1000);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("585 bps (141%) above the median 415 bps of the 4 deals"));
    }

    [TestCase(400, 410, 600, TestName = "EvaluateAsync_RateInsideBothBands_RaisesNothing")]
    [TestCase(400, 410, 410, TestName = "EvaluateAsync_RateAtTheMedian_RaisesNothing")]
    [TestCase(900, 400, 410, TestName = "EvaluateAsync_OutlierRequestedBeforeTheMinimumWasReached_RaisesNothing")]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_NearMisses_RaiseNothing(int first, int second, int third, CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.OffMarketRate(first: first, second: second, third: third);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_FewerThanMinimumDeals_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("R1").Issue("R2")
            .RequestDeal("R1", "D1", "bank-b", 400).RequestDeal("R2", "D2", "bank-b", 2000);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_DealsOnDifferentDays_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("R1").Issue("R2").Issue("R3")
            .RequestDeal("R1", "D1", "bank-b", 400).RequestDeal("R2", "D2", "bank-b", 410)
            .NextDay().RequestDeal("R3", "D3", "bank-b", 900);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_TermsFirstReadOnALaterDay_JudgedAgainstTheRequestDay(CancellationToken cancellationToken)
    {
        // Arrange: D3's request carried no readable terms; they first show on its acceptance the next day.
        var stream = Scenarios.OffMarketRate();
        var request = stream.Activities[^1];
        var withoutTerms = new ActivityStreamBuilder();
        foreach (var activity in stream.Activities.Take(stream.Activities.Count - 1))
        {
            withoutTerms.Add(activity.BillId, activity.Function, activity.EventName, activity.Creator, activity.Bill, activity.Deal, activity.Terms);
        }

        withoutTerms.Add(request.BillId, request.Function, request.EventName, request.Creator, request.Bill, request.Deal)
            .NextDay()
            .Add(request.BillId, "AcceptDeal", "DealAccepted", ActivityStreamBuilder.As("bank-c"), request.Bill,
                request.Deal! with { Status = DealStatus.Accepted }, request.Terms);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), withoutTerms.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Evidence, Is.EqualTo(new[] { withoutTerms.Last.TransactionId }));
            Assert.That(findings[0].Summary, Does.Contain("of the 3 deals requested on 2026-03-02"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_RediscountDeal_IsJudgedToo(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("R1").Issue("R2").Issue("R3", payee: "bank-z")
            .RequestDeal("R1", "D1", "bank-b", 400).RequestDeal("R2", "D2", "bank-b", 410)
            .RequestDeal("R3", "D3", "bank-c", 50, DealKind.Rediscount);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.StartWith("Rediscount deal D3 on bill R3, bank-z selling to bank-c"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredBpsOnly_HonoursTheThresholds(CancellationToken cancellationToken)
    {
        // Arrange: 520 is 110 bps (27%) from 410: silent by default, flagged at 100 bps with the percent test off.
        var options = new OffMarketRateRuleOptions { MinDeviationBps = 100, MinDeviationPercent = 0 };

        // Act
        var byDefault = await RuleRunner.RunAsync(Rule(), Scenarios.OffMarketRate(third: 520).Activities, cancellationToken);
        var configured = await RuleRunner.RunAsync(Rule(options), Scenarios.OffMarketRate(third: 520).Activities, cancellationToken);

        // Assert
        Assert.That(byDefault, Is.Empty);
        Assert.That(configured.Single().Summary, Does.Contain("(threshold: 100 bps)"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredMinimumOfFourDeals_WaitsForTheFourth(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new OffMarketRateRuleOptions { MinDealsPerDay = 4 };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.OffMarketRate().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new OffMarketRateRuleOptions { Enabled = false };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.OffMarketRate().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
