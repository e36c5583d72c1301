using System.Diagnostics;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>Fabric's own command-line client (<c>peer</c>), acting as one org's user.</summary>
internal static class PeerCli
{
    public static async Task<string> RunAsync(string mspId, string user, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var bin = FabricBinaries.Locate(Repository.Root, out var reason) ?? throw new InvalidOperationException(reason);
        var profile = FabricNetwork.Profile;
        var peer = profile.PeerOf(mspId);
        var start = new ProcessStartInfo(Path.Combine(bin, "peer"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FABRIC_CFG_PATH"] = Path.Combine(Repository.NetworkState, ".run", "config"),
                ["CORE_PEER_LOCALMSPID"] = mspId,
                ["CORE_PEER_MSPCONFIGPATH"] = profile.Org(mspId).Users[user].MspDirectory,
                ["CORE_PEER_ADDRESS"] = peer.Address,
                ["CORE_PEER_TLS_ENABLED"] = "true",
                ["CORE_PEER_TLS_ROOTCERT_FILE"] = peer.TlsCaCert,
                ["FABRIC_LOGGING_SPEC"] = "warning",
            },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start peer.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var (output, errors) = (await stdout, await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"peer {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}{output}");
        }

        return output + errors;
    }
}
