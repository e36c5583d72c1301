using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class CircularEndorsementRuleTests
{
    private static CircularEndorsementRule Rule(bool enabled = true) =>
        new(RuleRunner.Options(new CircularEndorsementRuleOptions { Enabled = enabled }));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_BillReturnsToEarlierHolder_RaisesCriticalFindingWithTheLoop(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.CircularEndorsement();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("circular-endorsement"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Critical));
            Assert.That(finding.BillId, Is.EqualTo("B1"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx003", "tx004", "tx005" }));
            Assert.That(finding.Summary, Does.Contain("came back to payee by endorse from y"));
            Assert.That(finding.Summary, Does.Contain("passed it by endorse to x on 2026-03-02"));
            Assert.That(finding.Summary, Does.Contain("a loop of 3 transfers"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_BillEndorsedBackToItsDrawer_RaisesFindingFromTheAccept(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("B1", drawer: "drawer").Endorse("B1", "drawer");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Evidence, Is.EqualTo(new[] { "tx002", "tx003" }));
            Assert.That(findings[0].Summary, Does.Contain("came back to drawer").And.Contain("passed it by accept to payee"));
            Assert.That(findings[0].Summary, Does.Contain("a loop of 2 transfers"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_PingPong_TakesTheMostRecentLoop(CancellationToken cancellationToken)
    {
        // Arrange: payee → x → payee (first loop), then payee → x again (x returns).
        var stream = new ActivityStreamBuilder().Issue("B1").Endorse("B1", "x").Endorse("B1", "payee").Endorse("B1", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Select(f => f.Evidence), Is.EqualTo(new[] { new[] { "tx003", "tx004" }, new[] { "tx004", "tx005" } }));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SubBillReturnsToHolderOfItsParent_RaisesFindingOnTheSubBill(CancellationToken cancellationToken)
    {
        // Arrange: the sub-bill's trail starts with its parent's, so the parent's holders count.
        var stream = new ActivityStreamBuilder().Issue("B1").SplitEndorse("B1", "x", 400_000).Endorse("B1.1", "payee");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].BillId, Is.EqualTo("B1.1"));
            Assert.That(findings[0].Evidence, Is.EqualTo(new[] { "tx003", stream.Last.TransactionId }));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ChainOfNewParties_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("B1").Endorse("B1", "x").Endorse("B1", "y").Endorse("B1", "z");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_InvalidTransactionByEarlierHolder_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("B1").Endorse("B1", "x").Invalid("B1", "payee");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.CircularEndorsement();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(enabled: false), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
