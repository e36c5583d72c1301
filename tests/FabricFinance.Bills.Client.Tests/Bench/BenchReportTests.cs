using FabricFinance.Bills.Cli.Bench;
using FabricFinance.Bills.Cli.Commands;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>Comparisons with the no-op ceiling, the targets, and the option lists.</summary>
public sealed class BenchReportTests
{
    [Test]
    public void Comparison_Of_PairsPhasesOfTheSameWorkloadAndLevel()
    {
        // Arrange
        PhaseReport[] runs =
        [
            Run("bills", "evaluate", 8, 900, p50: 2.0),
            Run("noop", "evaluate", 8, 1000, p50: 1.6),
            Run("bills", "submit", 8, 26, p50: 300),
            Run("noop", "evaluate", 32, 1200, p50: 1.0),
        ];

        // Act
        var comparisons = Comparison.Of(runs, "bills", "noop");

        // Assert
        Assert.That(comparisons, Is.EqualTo(new[] { new Comparison("evaluate", 8, "bills", "noop", 900, 1000, 0.9, 1.25, 1, 0.9, 0.9) }));
    }

    [Test]
    public void Comparison_Of_SeveralRounds_ComparesTheMeansAndGivesTheSpreadOfSingleRounds()
    {
        // Arrange
        PhaseReport[] runs =
        [
            Run("bills", "evaluate", 1, 900, p50: 2.0, round: 1),
            Run("noop", "evaluate", 1, 1000, p50: 1.6, round: 1),
            Run("bills", "evaluate", 1, 1100, p50: 2.4, round: 2),
            Run("noop", "evaluate", 1, 1000, p50: 1.6, round: 2),
            Run("bills", "evaluate", 1, 5000, p50: 0.1, round: 3), // no baseline round 3: not compared
        ];

        // Act
        var comparisons = Comparison.Of(runs, "bills", "noop");

        // Assert
        Assert.That(comparisons, Is.EqualTo(new[] { new Comparison("evaluate", 1, "bills", "noop", 1000, 1000, 1.0, 1.375, 2, 0.9, 1.1) }));
    }

    [Test]
    public void Check_SeveralRounds_PoolsTheRoundsOfEachLevel()
    {
        // Arrange
        PhaseReport[] runs =
        [
            Run("bills", "evaluate", 1, 500, p50: 1.8, driverMs: 0.1, chaincodeMs: 0.1, gatewayMs: 0.5, round: 1),
            Run("noop", "evaluate", 1, 600, p50: 1.5, round: 1),
            Run("bills", "evaluate", 1, 600, p50: 3.2, driverMs: 0.1, chaincodeMs: 0.2, gatewayMs: 0.5, round: 2),
            Run("noop", "evaluate", 1, 600, p50: 1.5, round: 2),
            Run("bills", "evaluate", 64, 2400, p50: 20, round: 1),
            Run("bills", "evaluate", 64, 2700, p50: 20, round: 2),
        ];

        // Act
        var targets = BenchTargets.Check(runs, Comparison.Of(runs, "bills", "noop"), "bills");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(targets[0], Is.EqualTo(new TargetCheck("bill throughput ≥ 0.9× the no-op chaincode's at every level", "lowest 0.917× (evaluate ×1; 2 rounds, 0.833–1.000)", true)));
            Assert.That(targets[1], Is.EqualTo(new TargetCheck("chaincode CPU per evaluate ≤ 25% of the gateway peer's", "highest 30% (evaluate ×1)", false)), "30% over both rounds, not the 40% of the second");
            Assert.That(targets[2], Is.EqualTo(new TargetCheck("client CPU per transaction ≤ 25% of the gateway peer's", "highest 20% (evaluate ×1)", true)));
            Assert.That(targets[3], Is.EqualTo(new TargetCheck("evaluate p50 at 1 in flight < 3 ms", "3.20 ms (highest of 2 rounds)", false)));
            Assert.That(targets[4], Is.EqualTo(new TargetCheck("evaluate throughput at 64 in flight ≥ 2× 1,250 tx/s", "2,550 tx/s (mean of 2 rounds)", true)));
        });
    }

    [Test]
    public void Check_FiguresThatMeetEveryTarget_AreAllMet()
    {
        // Arrange
        PhaseReport[] runs =
        [
            Run("bills", "evaluate", 1, 500, p50: 1.8, driverMs: 0.1, chaincodeMs: 0.05, gatewayMs: 0.5),
            Run("bills", "evaluate", 64, 2600, p50: 20, driverMs: 0.1, chaincodeMs: 0.05, gatewayMs: 0.5, window: 600, rss: (100_000, 105_000)),
            Run("noop", "evaluate", 64, 2700, p50: 19),
        ];

        // Act
        var targets = BenchTargets.Check(runs, Comparison.Of(runs, "bills", "noop"), "bills");

        // Assert
        Assert.That(targets.Select(t => t.Met), Is.All.True, string.Join("; ", targets.Select(t => $"{t.Target}: {t.Measured}")));
    }

    [Test]
    public void Check_FiguresThatMissTargets_SayWhichAndWhere()
    {
        // Arrange
        PhaseReport[] runs =
        [
            Run("bills", "evaluate", 1, 500, p50: 3.5, driverMs: 0.2, chaincodeMs: 0.3, gatewayMs: 0.5),
            Run("noop", "evaluate", 1, 600, p50: 1.6),
        ];

        // Act
        var targets = BenchTargets.Check(runs, Comparison.Of(runs, "bills", "noop"), "bills");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(targets[0], Is.EqualTo(new TargetCheck("bill throughput ≥ 0.9× the no-op chaincode's at every level", "lowest 0.833× (evaluate ×1)", false)));
            Assert.That(targets[1].Met, Is.False);
            Assert.That(targets[1].Measured, Is.EqualTo("highest 60% (evaluate ×1)"));
            Assert.That(targets[2].Met, Is.False);
            Assert.That(targets[3], Is.EqualTo(new TargetCheck("evaluate p50 at 1 in flight < 3 ms", "3.50 ms", false)));
            Assert.That(targets[4].Met, Is.Null);
            Assert.That(targets[4].Measured, Does.StartWith("not measured"));
            Assert.That(targets[5].Met, Is.Null);
        });
    }

    [TestCase("evaluate,submit,mixed", new[] { "Evaluate", "Submit", "Mixed" })]
    [TestCase(" Mixed , evaluate,mixed", new[] { "Mixed", "Evaluate" })]
    public void ParseWorkloads_List_GivesEachOnceInOrder(string text, string[] expected)
    {
        // Act
        var (value, error) = BenchSettings.ParseWorkloads(text);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(value, Is.EqualTo(expected.Select(Enum.Parse<Workload>)));
        });
    }

    [TestCase("")]
    [TestCase("query")]
    [TestCase("1")]
    public void ParseWorkloads_NotAWorkload_SaysWhich(string text)
    {
        // Act
        var (value, error) = BenchSettings.ParseWorkloads(text);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.Null);
            Assert.That(error, Does.StartWith("--workload"));
        });
    }

    [TestCase("1,8,32,128", new[] { 1, 8, 32, 128 })]
    [TestCase("64", new[] { 64 })]
    [TestCase("8, 1, 8", new[] { 8, 1 })]
    public void ParseLevels_List_GivesEachOnceInOrder(string text, int[] expected)
    {
        // Act / Assert
        Assert.That(BenchSettings.ParseLevels(text).Value, Is.EqualTo(expected));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("4097")]
    [TestCase("eight")]
    [TestCase(",")]
    public void ParseLevels_NotALevel_SaysWhich(string text)
    {
        // Act / Assert
        Assert.That(BenchSettings.ParseLevels(text).Error, Does.StartWith("--levels"));
    }

    private static PhaseReport Run(
        string chaincode,
        string workload,
        int inFlight,
        double tps,
        double p50,
        double? driverMs = null,
        double? chaincodeMs = null,
        double? gatewayMs = null,
        double window = 10,
        (long Start, long End)? rss = null,
        int round = 1)
    {
        var latency = new LatencySummary(100, p50 / 2, p50, p50, p50 * 2, p50 * 3, p50 * 4);
        var operation = new OperationReport(100, tps, latency);
        ProcessUsage[] processes =
        [
            new("driver", "driver", 1, null, driverMs, rss?.Start, rss?.End, rss?.End),
            new("chaincode-" + chaincode, "chaincode", 2, null, chaincodeMs, rss?.Start, rss?.End, rss?.End),
            new("peer0.banka.example.com", "gateway-peer", 3, null, gatewayMs, null, null, null),
        ];
        return new PhaseReport(
            chaincode, workload, inFlight, window, 100, tps, workload == "submit" ? null : operation, workload == "submit" ? operation : null, 0,
            new Dictionary<string, long>(), "peer0.banka.example.com", processes, round);
    }
}
