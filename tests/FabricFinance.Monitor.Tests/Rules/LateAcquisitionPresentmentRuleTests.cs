using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class LateAcquisitionPresentmentRuleTests
{
    private static LateAcquisitionPresentmentRule Rule(LateAcquisitionPresentmentRuleOptions? options = null) =>
        new(RuleRunner.Options(options ?? new LateAcquisitionPresentmentRuleOptions()));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_PresentedByHolderWhoAcquiredTheDayBeforeDue_RaisesNotice(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.LateAcquisitionPresentment();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("late-acquisition-presentment"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Notice));
            Assert.That(finding.BillId, Is.EqualTo("L1"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx003", "tx004" }));
            Assert.That(finding.Summary, Does.StartWith("x presented bill L1 (due 2026-06-01) for payment"));
            Assert.That(finding.Summary, Does.Contain("acquiring it by endorse from payee on 2026-05-31, 1 business day before its due date"));
            Assert.That(finding.Summary, Does.Contain("(threshold: 1 business day)"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_AcquiredTwoDaysBeforeDue_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("L1", due: ActivityStreamBuilder.Day(6, 1))
            .At(new DateTimeOffset(2026, 5, 30, 23, 0, 0, BusinessCalendar.Offset)).Endorse("L1", "x")
            .At(new DateTimeOffset(2026, 6, 1, 9, 0, 0, BusinessCalendar.Offset)).Present("L1");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_LateAcquisitionByDiscount_NamesTheSale(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("L1", due: ActivityStreamBuilder.Day(6, 1))
            .At(new DateTimeOffset(2026, 5, 31, 10, 0, 0, BusinessCalendar.Offset)).RequestDeal("L1", "D1", "bank-b", 300)
            .Advance(TimeSpan.FromHours(2)).SettleDeal("D1")
            .At(new DateTimeOffset(2026, 6, 2, 9, 0, 0, BusinessCalendar.Offset)).Present("L1");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.StartWith("bank-b presented bill L1").And.Contain("by discount from payee"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_PresentedByLongTimeHolder_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("L1", due: ActivityStreamBuilder.Day(6, 1))
            .At(new DateTimeOffset(2026, 6, 1, 9, 0, 0, BusinessCalendar.Offset)).Present("L1");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_LateTransferWithoutPresentment_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("L1", due: ActivityStreamBuilder.Day(6, 1))
            .At(new DateTimeOffset(2026, 5, 31, 15, 0, 0, BusinessCalendar.Offset)).Endorse("L1", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [TestCase(0, 0, TestName = "EvaluateAsync_ConfiguredZeroDays_IgnoresAcquisitionTheDayBefore")]
    [TestCase(5, 1, TestName = "EvaluateAsync_ConfiguredFiveDays_FlagsAcquisitionTheDayBefore")]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredDays(int days, int expected, CancellationToken cancellationToken)
    {
        // Arrange
        var options = new LateAcquisitionPresentmentRuleOptions { MaxBusinessDaysBeforeDue = days };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.LateAcquisitionPresentment().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(expected));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new LateAcquisitionPresentmentRuleOptions { Enabled = false };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.LateAcquisitionPresentment().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
