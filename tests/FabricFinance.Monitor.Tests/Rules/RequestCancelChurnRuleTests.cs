using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class RequestCancelChurnRuleTests
{
    private static RequestCancelChurnRule Rule(RequestCancelChurnRuleOptions? options = null) =>
        new(RuleRunner.Options(options ?? new RequestCancelChurnRuleOptions()));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ThirdWithdrawnDeal_RaisesNoticeWithEveryRequestAndWithdrawal(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.RequestCancelChurn();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("request-cancel-churn"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Notice));
            Assert.That(finding.BillId, Is.EqualTo("C1"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx003", "tx004", "tx005", "tx006", "tx007", "tx008" }));
            Assert.That(finding.Summary, Does.Contain("3 deals requested by payee and withdrawn without a sale"));
            Assert.That(finding.Summary, Does.Contain("C1-D1 cancelled, C1-D2 rejected, C1-D3 cancelled"));
            Assert.That(finding.Summary, Does.Contain("threshold of 3"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_TwoWithdrawnDeals_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("C1")
            .RequestDeal("C1", "D1", "bank-b", 400).CancelDeal("D1")
            .RequestDeal("C1", "D2", "bank-b", 400).CancelDeal("D2")
            .RequestDeal("C1", "D3", "bank-b", 400);

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_FourthAndFifthWithdrawals_DoNotRaiseAgain(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.RequestCancelChurn()
            .RequestDeal("C1", "D4", "bank-b", 400).CancelDeal("D4")
            .RequestDeal("C1", "D5", "bank-b", 400).CancelDeal("D5");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ExpiredDeal_CountsOnlyWhenConfigured(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("C1")
            .RequestDeal("C1", "D1", "bank-b", 400).CancelDeal("D1")
            .RequestDeal("C1", "D2", "bank-b", 400).NextDay().ExpireDeal("D2")
            .RequestDeal("C1", "D3", "bank-b", 400).CancelDeal("D3");

        // Act
        var byDefault = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);
        var counted = await RuleRunner.RunAsync(
            Rule(new RequestCancelChurnRuleOptions { CountExpired = true }), stream.Activities, cancellationToken);

        // Assert
        Assert.That(byDefault, Is.Empty);
        Assert.That(counted.Single().Summary, Does.Contain("D2 expired"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_RejectedDealWhenNotCounted_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new RequestCancelChurnRuleOptions { CountRejected = false };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.RequestCancelChurn().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SettledDeal_DoesNotCount(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("C1")
            .RequestDeal("C1", "D1", "bank-b", 400).CancelDeal("D1")
            .RequestDeal("C1", "D2", "bank-b", 400).CancelDeal("D2")
            .RequestDeal("C1", "D3", "bank-b", 400).SettleDeal("D3");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_WithdrawalsSpreadOverTwoBills_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("C1").Issue("C2")
            .RequestDeal("C1", "D1", "bank-b", 400).CancelDeal("D1")
            .RequestDeal("C1", "D2", "bank-b", 400).CancelDeal("D2")
            .RequestDeal("C2", "D3", "bank-b", 400).CancelDeal("D3");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_WithdrawalOnSubBillAfterTwoOnItsParent_CountsTheParent(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("C1")
            .RequestDeal("C1", "D1", "bank-b", 400).CancelDeal("D1")
            .RequestDeal("C1", "D2", "bank-b", 400).CancelDeal("D2")
            .SplitEndorse("C1", "x", 300_000)
            .RequestDeal("C1.1", "D3", "bank-b", 400).CancelDeal("D3");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].BillId, Is.EqualTo("C1.1"));
            Assert.That(findings[0].Summary, Does.Contain("requested by payee, x"));
            Assert.That(findings[0].Evidence, Has.Count.EqualTo(6));
            Assert.That(findings[0].Evidence[^1], Is.EqualTo(stream.Last.TransactionId));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredThresholdOfTwo_RaisesOnTheSecond(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new RequestCancelChurnRuleOptions { WithdrawnDealsThreshold = 2 };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.RequestCancelChurn().Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Evidence, Is.EqualTo(new[] { "tx003", "tx004", "tx005", "tx006" }));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new RequestCancelChurnRuleOptions { Enabled = false };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.RequestCancelChurn().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
