using System.Globalization;
using System.Text;
using FabricFinance.IntegrationTests.Resilience.Audit;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>The soak's Markdown report: totals, the faults and the recovery after each, and one row per minute.</summary>
internal static class SoakReport
{
    public static string Write(SoakSettings settings, LoadRecorder recorder, IReadOnlyList<SoakSample> samples, AuditReport audit)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"# Soak {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"{settings.Duration.TotalMinutes:0.#} min of mixed bill load ({settings.Workers} workers: endorse and discount flows with a query each),"
            + $" a fault every {settings.FaultEvery.TotalMinutes:0.#} min (chaincode kill -9, peer restart, orderer restart in turn).");
        text.AppendLine();
        text.AppendLine("```");
        text.Append(recorder.Summary("soak"));
        text.AppendLine(inv, $"  failures outside fault windows (+{FaultScenario.Grace.TotalSeconds:F0} s): {recorder.FailuresOutsideFaults(FaultScenario.Grace).Count}");
        text.AppendLine(inv, $"  audit: {audit}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("| minute | committed | tx/s | failures | failures by type | faults | chaincode RSS MiB (min–max) | driver RSS MiB (max) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        var minutes = (int)Math.Ceiling(recorder.Now.TotalMinutes);
        for (var m = 0; m < minutes; m++)
        {
            var from = TimeSpan.FromMinutes(m);
            var to = TimeSpan.FromMinutes(m + 1);
            var commits = recorder.Commits.Count(c => c.Ended >= from && c.Ended < to);
            var failures = recorder.Failures.Where(f => f.Ended >= from && f.Ended < to).ToList();
            var byKind = string.Join(", ", failures.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));
            var faults = string.Join("; ", recorder.Faults.Where(f => f.Started >= from && f.Started < to).Select(f => f.Name));
            var window = samples.Where(s => s.At >= from && s.At < to).ToList();
            var chaincode = window.Where(s => s.ChaincodeRssMiB is not null).Select(s => s.ChaincodeRssMiB!.Value).ToList();
            var driver = window.Where(s => s.DriverRssMiB is not null).Select(s => s.DriverRssMiB!.Value).ToList();
            var seconds = Math.Min(60, (recorder.Now - from).TotalSeconds);
            text.AppendLine(inv, $"| {m + 1} | {commits} | {commits / seconds:F1} | {failures.Count} | {(byKind.Length == 0 ? "–" : byKind)} | {(faults.Length == 0 ? "–" : faults)}"
                + $" | {(chaincode.Count == 0 ? "–" : $"{chaincode.Min():F0}–{chaincode.Max():F0}")} | {(driver.Count == 0 ? "–" : $"{driver.Max():F0}")} |");
        }

        return text.ToString();
    }
}
