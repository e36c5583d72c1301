using System.Text.RegularExpressions;
using FabricFinance.Bills.Cli.Bench;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>Which operations submit, and each worker's pipeline of bill flows.</summary>
public sealed partial class WorkloadScheduleTests
{
    [TestCase(0)]
    [TestCase(20)]
    [TestCase(33)]
    [TestCase(50)]
    [TestCase(100)]
    public void IsSubmit_Mixed_ExactlyThePercentageOfEveryHundred(int percent)
    {
        // Arrange
        foreach (var (worker, from) in new[] { (0, 0L), (3, 0L), (5, 1234L) })
        {
            // Act
            var submits = Enumerable.Range(0, 100).Count(i => WorkloadMix.IsSubmit(Workload.Mixed, from + i, worker, percent));

            // Assert
            Assert.That(submits, Is.EqualTo(percent), $"worker {worker} from {from}");
        }
    }

    [Test]
    public void IsSubmit_Mixed_SpreadsTheSubmitsEvenly()
    {
        // Act
        var pattern = string.Concat(Enumerable.Range(0, 10).Select(i => WorkloadMix.IsSubmit(Workload.Mixed, i, 0, 20) ? 's' : 'e'));

        // Assert
        Assert.That(pattern, Is.EqualTo("eeeeseeees"));
    }

    [Test]
    public void IsSubmit_EvaluateAndSubmit_NeverAndAlways()
    {
        // Act / Assert
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, 50).Any(i => WorkloadMix.IsSubmit(Workload.Evaluate, i, 1, 100)), Is.False);
            Assert.That(Enumerable.Range(0, 50).All(i => WorkloadMix.IsSubmit(Workload.Submit, i, 1, 0)), Is.True);
        });
    }

    [TestCase(-1L, 0, 20)]
    [TestCase(0L, -1, 20)]
    [TestCase(0L, 0, 101)]
    public void IsSubmit_OutOfRange_Throws(long operation, int worker, int percent)
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadMix.IsSubmit(Workload.Mixed, operation, worker, percent));
    }

    [Test]
    public void Next_AllSucceed_StartsWithIssuesThenCyclesIssueAcceptEndorse()
    {
        // Arrange
        var schedule = new BillFlowSchedule("rX1p0w3n");

        // Act
        var steps = Run(schedule, 12, _ => true);

        // Assert
        Assert.That(steps.Select(s => $"{s.Kind} {s.BillId[^1]}"), Is.EqualTo(new[]
        {
            "Issue 0", "Issue 1", "Issue 2", "Accept 0", "Issue 3", "Accept 1", "Endorse 0", "Issue 4", "Accept 2", "Endorse 1", "Issue 5", "Accept 3",
        }));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void Next_AnySpacing_EachBillGoesIssueAcceptEndorseWithOtherSubmitsBetween(int spacing)
    {
        // Arrange
        var schedule = new BillFlowSchedule("rX1p0w3n", spacing);

        // Act
        var steps = Run(schedule, 300, _ => true);

        // Assert
        foreach (var bill in steps.GroupBy(s => s.BillId))
        {
            var positions = steps.Select((s, i) => (s, i)).Where(p => p.s.BillId == bill.Key).ToList();
            Assert.That(positions.Select(p => p.s.Kind), Is.EqualTo(new[] { BillStepKind.Issue, BillStepKind.Accept, BillStepKind.Endorse }.Take(positions.Count)), bill.Key);
            for (var k = 1; k < positions.Count; k++)
            {
                Assert.That(positions[k].i - positions[k - 1].i - 1, Is.GreaterThanOrEqualTo(spacing), bill.Key);
            }
        }

        Assert.That(schedule.CompletedFlows, Is.InRange(95, 100), "one flow per three submits in the steady state");
    }

    [Test]
    public void Next_BillIds_AreValidRulebookIdsAndNeverRepeat()
    {
        // Arrange
        var schedule = new BillFlowSchedule("rtp5eswp12w127n");

        // Act
        var issued = Run(schedule, 3000, _ => true).Where(s => s.Kind == BillStepKind.Issue).Select(s => s.BillId).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(issued, Is.Unique);
            Assert.That(issued, Has.All.Matches<string>(id => BillId().IsMatch(id)));
            Assert.That(schedule.StartedFlows, Is.EqualTo(issued.Count));
        });
    }

    [Test]
    public void Completed_FailedIssue_DropsTheBill()
    {
        // Arrange
        var schedule = new BillFlowSchedule("p", spacing: 0);

        // Act: bill p0's issue fails; p1's succeeds.
        var steps = Run(schedule, 9, s => s.BillId != "p0");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(steps.Where(s => s.BillId == "p0").Select(s => s.Kind), Is.EqualTo(new[] { BillStepKind.Issue }));
            Assert.That(steps.Where(s => s.BillId == "p1").Select(s => s.Kind), Is.EqualTo(new[] { BillStepKind.Issue, BillStepKind.Accept, BillStepKind.Endorse }));
        });
    }

    [Test]
    public void Completed_FailedAccept_NeverEndorsesIt()
    {
        // Arrange
        var schedule = new BillFlowSchedule("p", spacing: 0);

        // Act
        var steps = Run(schedule, 30, s => !(s.BillId == "p2" && s.Kind == BillStepKind.Accept));

        // Assert
        Assert.That(steps.Where(s => s.BillId == "p2").Select(s => s.Kind), Is.EqualTo(new[] { BillStepKind.Issue, BillStepKind.Accept }));
    }

    private static List<BillStep> Run(BillFlowSchedule schedule, int count, Func<BillStep, bool> succeeds)
    {
        var steps = new List<BillStep>();
        for (var i = 0; i < count; i++)
        {
            var step = schedule.Next();
            schedule.Completed(step, succeeds(step));
            steps.Add(step);
        }

        return steps;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BillId();
}
