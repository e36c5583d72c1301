using System.Globalization;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// Injects the faults of the scenarios through <c>scripts/network.sh</c>, which signals only the
/// processes it recorded at start, by PID: <c>kill --node chaincode-bills</c> (SIGKILL) and
/// <c>restart --node ID</c> for the chaincode service, a peer or the orderer. Each fault is stamped
/// on the scenario's <see cref="LoadRecorder"/> clock, from its start until the node is back.
/// </summary>
internal static class FaultInjector
{
    /// <summary>The bill chaincode service's name in the network's process records.</summary>
    public const string BillsService = "chaincode-bills";

    private static string PidDirectory => Path.Combine(Repository.NetworkState, ".run", "pids");

    /// <summary>Gets the orderer's node id (<c>orderer.example.com</c> with network.config's defaults).</summary>
    public static string Orderer =>
        Directory.GetFiles(PidDirectory, "orderer*.pid").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? throw new InvalidOperationException($"No orderer is recorded in {PidDirectory}.");

    /// <summary>The node id of <paramref name="mspId"/>'s peer.</summary>
    public static string PeerOf(string mspId) => FabricNetwork.Profile.PeerOf(mspId).Name;

    /// <summary>
    /// Kills the bill chaincode service with SIGKILL, leaves it down for <paramref name="outage"/>, and
    /// starts it again as it was deployed; the peers reconnect on their next invocation.
    /// </summary>
    public static async Task<FaultRecord> CrashChaincodeAsync(LoadRecorder recorder, TimeSpan outage, CancellationToken cancellationToken)
    {
        var started = recorder.Now;
        var before = ServicePid(BillsService);
        await Script.RunAsync("scripts/network.sh", ["kill", "--node", BillsService], cancellationToken);
        try
        {
            await Task.Delay(outage, cancellationToken);
        }
        finally
        {
            await Script.RunAsync("scripts/network.sh", ["restart", "--node", BillsService], CancellationToken.None);
        }

        var after = ServicePid(BillsService);
        var fault = new FaultRecord(
            string.Create(CultureInfo.InvariantCulture, $"kill -9 {BillsService} (pid {before}), down {outage.TotalSeconds:F0} s, restarted (pid {after})"),
            started,
            recorder.Now);
        recorder.Fault(fault);
        return fault;
    }

    /// <summary>Restarts a peer or orderer (TERM, then started again on its ledger) and waits until it reports healthy.</summary>
    public static async Task<FaultRecord> RestartNodeAsync(LoadRecorder recorder, string node, CancellationToken cancellationToken)
    {
        var started = recorder.Now;
        await Script.RunAsync("scripts/network.sh", ["restart", "--node", node], cancellationToken);
        var fault = new FaultRecord($"restart {node}", started, recorder.Now);
        recorder.Fault(fault);
        return fault;
    }

    /// <summary>
    /// The PID recorded for a process of the network, if that process is alive; read from the PID file
    /// <c>network.sh</c> wrote when it started it (never looked up by name).
    /// </summary>
    public static int? ServicePid(string name)
    {
        var file = Path.Combine(PidDirectory, name + ".pid");
        if (!File.Exists(file)
            || !int.TryParse(File.ReadLines(file).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid)
            || !File.Exists($"/proc/{pid}/status"))
        {
            return null;
        }

        var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) ?? string.Empty;
        return state.Contains("zombie", StringComparison.Ordinal) ? null : pid;
    }

    /// <summary>The names of the network's recorded processes that are not alive (after a failed scenario).</summary>
    /// <remarks>Containers (the docker backend) are not looked at.</remarks>
    public static IReadOnlyList<string> DeadProcesses() =>
        [.. Directory.GetFiles(PidDirectory, "*.pid")
            .Where(f => File.ReadLines(f).FirstOrDefault() != "container")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => ServicePid(n) is null)
            .Order(StringComparer.Ordinal)];
}
