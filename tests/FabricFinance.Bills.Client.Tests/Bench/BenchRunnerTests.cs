using FabricFinance.Bills.Cli.Bench;
using Grpc.Core;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>
/// A phase against a fake chaincode: the concurrency is honoured, failures are counted by kind, the workload's mix is
/// kept. No timing is asserted: the windows are short and only counts and shapes are checked.
/// </summary>
public sealed class BenchRunnerTests
{
    [TestCase(1)]
    [TestCase(4)]
    [CancelAfter(30_000)]
    public async Task RunAsync_Evaluate_KeepsExactlyTheLevelInFlight(int inFlight)
    {
        // Arrange
        var target = new FakeTarget();
        var runner = new BenchRunner(new ProcessMeter([new BenchProcess("driver", ProcessRole.Driver, Environment.ProcessId)], 100), ["peer0.banka.example.com"]);

        // Act
        var report = await runner.RunAsync(Plan(Workload.Evaluate, inFlight), target, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(target.MaxConcurrent, Is.EqualTo(inFlight));
            Assert.That(report.Evaluate!.Count, Is.GreaterThan(0));
            Assert.That(report.Submit, Is.Null);
            Assert.That(report.Transactions, Is.EqualTo(report.Evaluate.Count));
            Assert.That(report.Failures, Is.Empty);
            Assert.That(report.GatewayPeer, Is.EqualTo("peer0.banka.example.com"));
            Assert.That(report.Driver!.CpuSeconds, Is.Not.Null);
            Assert.That(target.InFlight, Is.Zero, "every operation finished before the report");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RunAsync_Submit_RunsBillFlowsWithoutReusingABill()
    {
        // Arrange
        var target = new FakeTarget();
        var runner = new BenchRunner(new ProcessMeter([], 100), []);

        // Act
        var report = await runner.RunAsync(Plan(Workload.Submit, 3), target, CancellationToken.None);

        // Assert
        var issued = target.Steps.Where(s => s.Kind == BillStepKind.Issue).Select(s => s.BillId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Evaluate, Is.Null);
            Assert.That(report.Submit!.Count, Is.GreaterThan(0));
            Assert.That(report.Submit.Steps!.Keys, Is.EquivalentTo(new[] { "issue", "accept", "endorse" }));
            Assert.That(report.Flows, Is.EqualTo(report.Submit.Steps["endorse"]));
            Assert.That(issued, Is.Unique);
            Assert.That(issued, Has.All.StartsWith("rTESTp0w"));
            Assert.That(target.Evaluations, Is.Zero);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RunAsync_Mixed_SendsBothKinds()
    {
        // Arrange
        var target = new FakeTarget();
        var runner = new BenchRunner(new ProcessMeter([], 100), []);

        // Act
        var report = await runner.RunAsync(Plan(Workload.Mixed, 2), target, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(report.Evaluate!.Count, Is.GreaterThan(0));
            Assert.That(report.Submit, Is.Not.Null);
            Assert.That(target.Evaluations, Is.GreaterThan(target.Steps.Count), "four evaluates for each submit");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RunAsync_FailingTarget_CountsFailuresByKind()
    {
        // Arrange
        var target = new FakeTarget { Failure = new RpcException(new Status(StatusCode.Unavailable, "peer down")) };
        var runner = new BenchRunner(new ProcessMeter([], 100), []);

        // Act
        var report = await runner.RunAsync(Plan(Workload.Evaluate, 2), target, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(report.Transactions, Is.Zero);
            Assert.That(report.Failures.Keys, Is.EqualTo(new[] { "RpcException/Unavailable" }));
            Assert.That(report.FailureCount, Is.GreaterThan(0));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void RunAsync_Cancelled_Throws()
    {
        // Arrange
        var runner = new BenchRunner(new ProcessMeter([], 100), []);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // Act / Assert
        Assert.ThrowsAsync<TaskCanceledException>(() => runner.RunAsync(Plan(Workload.Evaluate, 2), new FakeTarget(), cancellation.Token));
    }

    private static PhasePlan Plan(Workload workload, int inFlight) =>
        new("bills", workload, inFlight, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300), 20, "rTESTp0");

    /// <summary>A chaincode that answers after a millisecond, counting what is in flight.</summary>
    private sealed class FakeTarget : IBenchTarget
    {
        private int _inFlight;
        private int _maxConcurrent;
        private int _evaluations;

        public string Chaincode => "bills";

        public Exception? Failure { get; init; }

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Evaluations => Volatile.Read(ref _evaluations);

        public System.Collections.Concurrent.ConcurrentQueue<BillStep> Steps { get; } = new();

        public Task EvaluateAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _evaluations);
            return CallAsync(cancellationToken);
        }

        public Task SubmitAsync(BillStep step, CancellationToken cancellationToken)
        {
            Steps.Enqueue(step);
            return CallAsync(cancellationToken);
        }

        private async Task CallAsync(CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int max;
            while (now > (max = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, max) != max)
            {
            }

            try
            {
                await Task.Delay(1, cancellationToken);
                if (Failure is not null)
                {
                    throw Failure;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
