using System.Globalization;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Resilience.Audit;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// The shape every fault scenario shares: a <see cref="BillFlowLoad"/> warms up, a fault strikes,
/// the load runs on so the client's recovery shows, then it stops; failures whose outcome was open
/// are looked up on the ledger, and the ledger audit checks everything the client saw committed.
/// </summary>
internal static class FaultScenario
{
    /// <summary>How long the load runs before the fault.</summary>
    public static readonly TimeSpan Warm = TimeSpan.FromSeconds(5);

    /// <summary>How long the load runs after the fault is over.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long after a fault is over a transaction may still fail because of it: reconnects, and a
    /// restarted peer's discovery learning the other orgs' peers again (FailedPrecondition, "no
    /// combination of peers"). Failures later than this, or before the fault, are findings.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    /// <summary>How soon after a fault is over the first transaction must commit again.</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(15);

    /// <summary>Gets the number of concurrent workers: <c>FABFIN_FAULT_WORKERS</c>, 8 by default.</summary>
    public static int Workers { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FABFIN_FAULT_WORKERS"), CultureInfo.InvariantCulture, out var workers) && workers > 0 ? workers : 8;

    /// <summary>
    /// Stops the load, resolves the failures whose outcome was open, and audits the ledger against
    /// every transaction known to have committed.
    /// </summary>
    public static async Task<AuditReport> FinishAsync(BillFlowLoad load, CancellationToken cancellationToken)
    {
        await load.StopAsync();
        using (var reader = LoadSession.Institution(Market.ExchangeId, FabricNetwork.Exchange))
        {
            await load.Recorder.ResolveAmbiguousAsync(reader.Network, cancellationToken);
        }

        return await LedgerAudit.RunAsync(ResilienceFixture.Market, load.Recorder.CommittedTransactionIds, cancellationToken);
    }

    /// <summary>Writes the scenario's numbers for the closing note.</summary>
    public static Task ReportAsync(string scenario, LoadRecorder recorder, AuditReport audit, string? extra = null)
    {
        var outside = recorder.FailuresOutsideFaults(Grace);
        return TestContext.Out.WriteLineAsync(
            recorder.Summary(scenario)
            + $"  failures outside fault windows (+{Grace.TotalSeconds:F0} s): {outside.Count}{Environment.NewLine}"
            + string.Concat(outside.Take(3).Select(f => $"    {f.Kind} {f.Transaction} {f.Started.TotalSeconds:F1}..{f.Ended.TotalSeconds:F1} s: {f.Message}{Environment.NewLine}"))
            + (extra is null ? string.Empty : "  " + extra + Environment.NewLine)
            + $"  audit: {audit}; lost = {audit.Violations.Count(v => v.Contains("not on the ledger", StringComparison.Ordinal))}, violations = {audit.Violations.Count}");
    }
}
