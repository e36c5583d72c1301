using System.Collections.Concurrent;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// The soak (issue 8, part 6): mixed bill load for a long time (30 minutes by default) with one fault
/// every few minutes, in turn a SIGKILL of the chaincode service, a peer restart and an orderer
/// restart, sampling the chaincode service's and the driver's memory; it ends with the ledger audit
/// and writes a Markdown report (throughput per minute, errors by type, RSS over time). Not part of
/// CI: it runs only through <c>scripts/soak.sh</c>, and is reported skipped otherwise.
/// </summary>
[Category("Soak")]
public sealed class SoakTests
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    [TearDown]
    public async Task RestoreNetworkAsync()
    {
        if (SoakSettings.FromEnvironment() is not null)
        {
            await NetworkHealth.RestoreAsync(CancellationToken.None);
        }
    }

    [Test]
    [CancelAfter(14_400_000)]
    public async Task Soak_MixedLoadWithRotatingFaults_NothingLostAndEveryFailureTyped(CancellationToken ct)
    {
        var settings = SoakSettings.FromEnvironment();
        if (settings is null)
        {
            Assert.Ignore(SoakSettings.SkipReason);
        }

        // Arrange
        var recorder = new LoadRecorder();
        var samples = new ConcurrentQueue<SoakSample>();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = SampleAsync(recorder, samples, sampling.Token);
        Func<Task<FaultRecord>>[] faults =
        [
            () => FaultInjector.CrashChaincodeAsync(recorder, TimeSpan.FromSeconds(3), ct),
            () => FaultInjector.RestartNodeAsync(recorder, FaultInjector.PeerOf(FabricNetwork.BankA), ct),
            () => FaultInjector.RestartNodeAsync(recorder, FaultInjector.Orderer, ct),
        ];
        await TestContext.Progress.WriteLineAsync($"soak: {settings.Duration.TotalMinutes} min, a fault every {settings.FaultEvery.TotalMinutes} min, {settings.Workers} workers");

        // Act: the first fault half an interval in, so that every kind strikes even in a short run
        Audit.AuditReport audit;
        await using (var load = BillFlowLoad.Start("soak", settings.Workers, recorder, ct, LoadMix.Mixed))
        {
            var nextFault = settings.FaultEvery / 2;
            var injected = 0;
            while (recorder.Now < settings.Duration)
            {
                if (recorder.Now >= nextFault)
                {
                    var fault = await faults[injected++ % faults.Length]();
                    await TestContext.Progress.WriteLineAsync($"soak: {fault}; {recorder.Commits.Count} committed so far");
                    nextFault += settings.FaultEvery;
                    continue;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            audit = await FaultScenario.FinishAsync(load, ct);
        }

        await sampling.CancelAsync();
        await sampler;
        var report = SoakReport.Write(settings, recorder, [.. samples], audit);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportPath)!);
        await File.WriteAllTextAsync(settings.ReportPath, report, ct);
        await TestContext.Out.WriteLineAsync(report);
        await TestContext.Out.WriteLineAsync($"report written to {settings.ReportPath}");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Untyped, Is.Empty, "every failure is a typed client exception");
            Assert.That(recorder.FailuresOutsideFaults(FaultScenario.Grace), Is.Empty, "only transactions caught by a fault fail");
            foreach (var fault in recorder.Faults)
            {
                Assert.That(recorder.FirstCommitAfter(fault.Ended), Is.Not.Null.And.LessThan(FaultScenario.RecoveryLimit), $"recovery after {fault}");
            }
        });
        audit.AssertClean();
    }

    /// <summary>Samples the chaincode service's and the driver's resident memory every <see cref="SampleEvery"/>.</summary>
    private static async Task SampleAsync(LoadRecorder recorder, ConcurrentQueue<SoakSample> samples, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var chaincode = FaultInjector.ServicePid(FaultInjector.BillsService);
            samples.Enqueue(new SoakSample(
                recorder.Now,
                chaincode,
                chaincode is { } pid ? ProcessMemory.RssMiB(pid) : null,
                ProcessMemory.RssMiB(Environment.ProcessId)));
            try
            {
                await Task.Delay(SampleEvery, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>One memory sample: when, the chaincode service's PID and RSS (null while it is down), the driver's RSS.</summary>
internal sealed record SoakSample(TimeSpan At, int? ChaincodePid, double? ChaincodeRssMiB, double? DriverRssMiB);
