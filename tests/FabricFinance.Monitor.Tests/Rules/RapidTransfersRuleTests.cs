using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class RapidTransfersRuleTests
{
    private static RapidTransfersRule Rule(int max = 3, bool enabled = true) =>
        new(RuleRunner.Options(new RapidTransfersRuleOptions { MaxTransfersPerBusinessDay = max, Enabled = enabled }));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_FourTransfersInOneBusinessDay_RaisesWarningOnTheFourth(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.RapidTransfers();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("rapid-transfers"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Warning));
            Assert.That(finding.BillId, Is.EqualTo("B2"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx002", "tx003", "tx004", "tx005" }));
            Assert.That(finding.Summary, Does.Contain("changed hands 4 times on business day 2026-03-02"));
            Assert.That(finding.Summary, Does.Contain("drawer → payee → x → y → z"));
            Assert.That(finding.Summary, Does.Contain("more than the 3 allowed"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ExactlyNTransfers_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange: accept + two endorsements = 3.
        var stream = new ActivityStreamBuilder().Issue("B2").Endorse("B2", "x").Endorse("B2", "y");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_TransfersSpreadOverTwoDays_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("B2").Endorse("B2", "x").Endorse("B2", "y")
            .NextDay().Endorse("B2", "z").Endorse("B2", "w");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SameDayAfterUtcMidnightButBeforeMarketMidnight_CountsBusinessDayInUtcPlus8(
        CancellationToken cancellationToken)
    {
        // Arrange: 23:30 and 00:30 UTC are 07:30 and 08:30 in UTC+8, the same business day.
        var start = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        var stream = new ActivityStreamBuilder(start).Issue("B2").Endorse("B2", "x").Endorse("B2", "y")
            .Advance(TimeSpan.FromHours(1)).Endorse("B2", "z");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("business day 2026-03-03"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_MoreTransfersAfterTheAlert_FiresOncePerBillAndDay(CancellationToken cancellationToken)
    {
        // Arrange: 6 transfers on day one, 4 on day two.
        var stream = Scenarios.RapidTransfers().Endorse("B2", "v").Endorse("B2", "u")
            .NextDay().Endorse("B2", "t").Endorse("B2", "s").Endorse("B2", "r").Endorse("B2", "q");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Select(f => f.Summary[..f.Summary.IndexOf('(', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "Bill B2 changed hands 4 times on business day 2026-03-02 ",
            "Bill B2 changed hands 4 times on business day 2026-03-03 ",
        }));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredLimitOfOne_RaisesOnTheSecondTransfer(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("B2").Endorse("B2", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(max: 1), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Summary, Does.Contain("2 times").And.Contain("more than the 1 allowed"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.RapidTransfers();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(enabled: false), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
