using System.Diagnostics;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Runs one phase: <see cref="PhasePlan.InFlight"/> workers, each with one operation in flight, send the workload
/// for the warm-up, then for the measured window, then stop (operations still in flight finish but do not count).
/// Processes are sampled as the window opens and closes (<see cref="ProcessMeter"/>). The first gateway peer is the
/// reader's, against which the targets weigh CPU.
/// </summary>
internal sealed class BenchRunner(ProcessMeter meter, IReadOnlyList<string> gatewayPeers)
{
    /// <summary>How long a worker pauses after a failure, so that a failing network is not hammered in a tight loop.</summary>
    public static readonly TimeSpan FailurePause = TimeSpan.FromMilliseconds(20);

    /// <summary>How long in-flight operations get to finish once the window closed, before they are cancelled.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the phase and reports it.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="target">The chaincode to call.</param>
    /// <param name="cancellationToken">Stops the phase (Ctrl+C); the report is then not made.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<PhaseReport> RunAsync(PhasePlan plan, IBenchTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.InFlight, 1);
        var recorder = new PhaseRecorder();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, plan.InFlight)
            .Select(w => Task.Run(() => WorkAsync(plan, target, w, recorder, stopping.Token, abort.Token), CancellationToken.None))
            .ToArray();
        try
        {
            await Task.Delay(plan.Warmup, cancellationToken);
            var before = meter.Sample();
            recorder.Open(Stopwatch.GetTimestamp());
            var peaks = meter.TrackPeaksAsync(window.Token);
            await Task.Delay(plan.Duration, cancellationToken);
            recorder.Close(Stopwatch.GetTimestamp());
            var after = meter.Sample();
            await window.CancelAsync();
            var peakValues = await peaks;

            await stopping.CancelAsync();
            await DrainAsync(workers, abort);
            return Report(plan, recorder, meter.Usage(before, after, peakValues, recorder.Evaluate.Count + recorder.Submit.Count, gatewayPeers));
        }
        finally
        {
            await window.CancelAsync();
            await stopping.CancelAsync();
            await abort.CancelAsync();
            await Task.WhenAll(workers).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task WorkAsync(PhasePlan plan, IBenchTarget target, int worker, PhaseRecorder recorder, CancellationToken stopping, CancellationToken abort)
    {
        var schedule = new BillFlowSchedule($"{plan.BillPrefix}w{worker}n");
        for (long operation = 0; !stopping.IsCancellationRequested; operation++)
        {
            BillStep? step = WorkloadMix.IsSubmit(plan.Workload, operation, worker, plan.SubmitPercent) ? schedule.Next() : null;
            var start = Stopwatch.GetTimestamp();
            Exception? failure = null;
            try
            {
                await (step is { } submit ? target.SubmitAsync(submit, abort) : target.EvaluateAsync(abort));
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            recorder.Record(start, Stopwatch.GetTimestamp(), step, failure);
            if (step is { } done)
            {
                schedule.Completed(done, failure is null);
            }

            if (failure is not null)
            {
                try
                {
                    await Task.Delay(FailurePause, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task DrainAsync(Task[] workers, CancellationTokenSource abort)
    {
        var all = Task.WhenAll(workers);
        if (await Task.WhenAny(all, Task.Delay(DrainTimeout)) != all)
        {
            await abort.CancelAsync();
        }

        await all.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private PhaseReport Report(PhasePlan plan, PhaseRecorder recorder, IReadOnlyList<ProcessUsage> processes)
    {
        var seconds = recorder.Window.TotalSeconds;
        OperationReport? Operations(LatencyHistogram histogram, IReadOnlyDictionary<string, long>? steps) =>
            new(histogram.Count, Rate(histogram.Count, seconds), LatencySummary.From(histogram), steps);
        var transactions = recorder.Evaluate.Count + recorder.Submit.Count;
        var steps = Enum.GetValues<BillStepKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), recorder.Steps);
        return new PhaseReport(
            plan.Chaincode,
            plan.Workload.ToString().ToLowerInvariant(),
            plan.InFlight,
            Math.Round(seconds, 3),
            transactions,
            Rate(transactions, seconds),
            plan.Workload == Workload.Submit ? null : Operations(recorder.Evaluate, null),
            plan.Workload == Workload.Evaluate ? null : Operations(recorder.Submit, steps),
            recorder.Steps(BillStepKind.Endorse),
            recorder.Failures,
            gatewayPeers.Count > 0 ? gatewayPeers[0] : null,
            processes,
            plan.Round);
    }

    private static double Rate(long count, double seconds) => seconds > 0 ? Math.Round(count / seconds, 1) : 0;
}
