using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Rules.Support;

namespace FabricFinance.Monitor.Tests.Rules;

public sealed class DoubleSaleTraceRuleTests
{
    private static DoubleSaleTraceRule Rule(DoubleSaleTraceRuleOptions? options = null) =>
        new(RuleRunner.Options(options ?? new DoubleSaleTraceRuleOptions()));

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConflictsFromTwoPartiesWithinWindow_RaisesWarning(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = Scenarios.DoubleSaleTrace();

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("double-sale-trace"));
            Assert.That(finding.Severity, Is.EqualTo(AlertSeverity.Warning));
            Assert.That(finding.BillId, Is.EqualTo("S1"));
            Assert.That(finding.Evidence, Is.EqualTo(new[] { "tx004", "tx005" }));
            Assert.That(finding.Summary, Does.Contain("2 transactions committed invalid by 2 different parties (payee, x) within 10 minutes"));
            Assert.That(finding.Summary, Does.Contain("EndorseBill by payee at 09:01:00 (MvccReadConflict)"));
            Assert.That(finding.Summary, Does.Contain("RequestDiscount by x at 09:04:00 (PhantomReadConflict)"));
        });
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SamePartyTwice_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1").Invalid("S1", "payee")
            .Advance(TimeSpan.FromMinutes(2)).Invalid("S1", "payee");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [TestCase(10, 1, TestName = "EvaluateAsync_ExactlyAtWindowEdge_Raises")]
    [TestCase(11, 0, TestName = "EvaluateAsync_OutsideWindow_RaisesNothing")]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_WindowEdge(int minutesApart, int expected, CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1").Invalid("S1", "payee")
            .Advance(TimeSpan.FromMinutes(minutesApart)).Invalid("S1", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(expected));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_TimestampsOutOfLedgerOrder_UsesTheDistance(CancellationToken cancellationToken)
    {
        // Arrange: the second conflict carries a timestamp 5 minutes earlier (submitters' clocks differ).
        var stream = new ActivityStreamBuilder().Issue("S1").Invalid("S1", "payee")
            .Advance(TimeSpan.FromMinutes(-5)).Invalid("S1", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ValidTransactionAndOneConflict_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1").Endorse("S1", "x").Invalid("S1", "y");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_OtherValidationCode_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1").Invalid("S1", "payee", "EndorsementPolicyFailure")
            .Invalid("S1", "x", "EndorsementPolicyFailure");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConflictsOnDifferentBills_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1").Issue("S2").Invalid("S1", "payee").Invalid("S2", "x");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_RepeatsAndANewParty_RaisesOnlyWhenANewPartyJoins(CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1")
            .Invalid("S1", "payee").Invalid("S1", "x").Invalid("S1", "payee").Invalid("S1", "x").Invalid("S1", "y");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Select(f => f.Evidence.Count), Is.EqualTo(new[] { 2, 5 }));
        Assert.That(findings[1].Summary, Does.Contain("by 3 different parties (payee, x, y)"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_ConfiguredWindowAndCodes_AreHonoured(CancellationToken cancellationToken)
    {
        // Arrange: 20 minutes apart, endorsement policy failures.
        var options = new DoubleSaleTraceRuleOptions { WindowMinutes = 30, ValidationCodes = " EndorsementPolicyFailure , MvccReadConflict" };
        var stream = new ActivityStreamBuilder().Issue("S1").Invalid("S1", "payee", "EndorsementPolicyFailure")
            .Advance(TimeSpan.FromMinutes(20)).Invalid("S1", "x", "EndorsementPolicyFailure");

        // Act
        var byDefault = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);
        var configured = await RuleRunner.RunAsync(Rule(options), stream.Activities, cancellationToken);

        // Assert
        Assert.That(byDefault, Is.Empty);
        Assert.That(configured.Single().Summary, Does.Contain("within 30 minutes"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_SameOrganizationDifferentUnregisteredSubjects_CountsAsTwoSubmitters(
        CancellationToken cancellationToken)
    {
        // Arrange
        var stream = new ActivityStreamBuilder().Issue("S1");
        stream.Add("S1", "EndorseBill", null, new Submitter("Org2MSP", "CN=alice", null), null, validationCode: "MvccReadConflict")
            .Add("S1", "EndorseBill", null, new Submitter("Org2MSP", "CN=bob", null), null, validationCode: "MvccReadConflict");

        // Act
        var findings = await RuleRunner.RunAsync(Rule(), stream.Activities, cancellationToken);

        // Assert
        Assert.That(findings.Single().Summary, Does.Contain("(CN=alice (Org2MSP), CN=bob (Org2MSP))"));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task EvaluateAsync_Disabled_RaisesNothing(CancellationToken cancellationToken)
    {
        // Arrange
        var options = new DoubleSaleTraceRuleOptions { Enabled = false };

        // Act
        var findings = await RuleRunner.RunAsync(Rule(options), Scenarios.DoubleSaleTrace().Activities, cancellationToken);

        // Assert
        Assert.That(findings, Is.Empty);
    }
}
