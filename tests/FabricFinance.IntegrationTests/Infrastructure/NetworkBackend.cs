using System.ComponentModel;
using System.Diagnostics;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>
/// Where the network's orderer and peers run, as <c>scripts/network.sh up --backend</c> names it: <c>native</c> (local
/// processes, the default) or <c>docker</c> (Fabric's images through Testcontainers, chosen with
/// <c>FABFIN_BACKEND=docker</c>; untested on our machines). Both need the Fabric tools on this machine (cryptogen,
/// configtxgen, osnadmin and the peer CLI make the material and run the lifecycle; tests use the peer CLI).
/// </summary>
internal static class NetworkBackend
{
    public const string Native = "native";
    public const string Docker = "docker";

    /// <summary>Returns the backend to use, or <see langword="null"/> with the reason and the fix.</summary>
    public static string? Choose(out string reason)
    {
        var asked = Environment.GetEnvironmentVariable("FABFIN_BACKEND");
        var binaries = FabricBinaries.Locate(Repository.Root, out var noBinaries);
        switch (asked)
        {
            case null or "" or Native:
                reason = noBinaries + (asked is Native ? string.Empty
                    : " With a Docker engine, FABFIN_BACKEND=docker runs the orderer and peers from Fabric's images instead (untested here; it still needs those tools).");
                return binaries is null ? null : Native;
            case Docker when binaries is null:
                reason = "FABFIN_BACKEND=docker runs the orderer and peers in containers, but the Fabric tools still run here. " + noBinaries;
                return null;
            case Docker when !DockerAnswers(out var why):
                reason = $"FABFIN_BACKEND=docker, but Docker is not usable here ({why}). Start a Docker engine with the docker CLI on PATH, or unset FABFIN_BACKEND to use the native backend.";
                return null;
            case Docker:
                reason = string.Empty;
                return Docker;
            default:
                reason = $"FABFIN_BACKEND must be '{Native}' or '{Docker}', not '{asked}'.";
                return null;
        }
    }

    /// <summary>Whether <c>docker info</c> succeeds (the scripts use the docker CLI to see the containers).</summary>
    private static bool DockerAnswers(out string why)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("info");
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("docker did not start");
            _ = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                why = "'docker info' did not answer within 20 s";
                return false;
            }

            why = process.ExitCode == 0 ? string.Empty : "'docker info' failed: " + errors.Result.Trim();
            return process.ExitCode == 0;
        }
        catch (Win32Exception ex)
        {
            why = "the docker CLI could not be run (" + ex.Message + ")";
            return false;
        }
    }
}
