using System.Net;
using FabricFinance.Monitor.Ingestion;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Hosting;

/// <summary>Checks the monitor's settings when the host starts; each failure names the setting and what is wrong.</summary>
public sealed class MonitorOptionsValidator : IValidateOptions<MonitorOptions>
{
    private const string Prefix = MonitorOptions.SectionName + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.DataDirectory)} is empty: name the folder for the monitor's files.");
        }

        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.Storage)} is '{options.Storage}': use Sqlite or Postgres.");
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.ConnectionString)} is empty: {options.Storage} needs a connection string.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(MonitorOptions.Organization), options.Organization),
            (nameof(MonitorOptions.User), options.User),
            (nameof(MonitorOptions.ChaincodeName), options.ChaincodeName),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{Prefix}{setting} is empty.");
            }
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.RetryDelay)} is {options.RetryDelay}: it must be positive.");
        }

        if (ListenEndpoint(options.Url, out var problem) is null)
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.Url)} is '{options.Url}': {problem}");
        }

        ValidateNetwork(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Reads the listen URL: http, host 127.0.0.1, an explicit port, no path.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="problem">Why it is refused, when it is.</param>
    /// <returns>The endpoint; null when the URL is refused.</returns>
    public static IPEndPoint? ListenEndpoint(string? url, out string problem)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            problem = "it is not an absolute URL such as " + MonitorOptions.DefaultUrl + ".";
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            problem = "the monitor serves plain http on the loopback address only; use http://127.0.0.1:PORT.";
            return null;
        }

        if (!IPAddress.TryParse(uri.Host, out var address) || !address.Equals(IPAddress.Loopback))
        {
            problem = "the monitor listens on 127.0.0.1 only; use http://127.0.0.1:PORT.";
            return null;
        }

        if (uri.IsDefaultPort && !url!.Contains(":80", StringComparison.Ordinal))
        {
            problem = "name the port, e.g. " + MonitorOptions.DefaultUrl + ".";
            return null;
        }

        if (uri.AbsolutePath != "/")
        {
            problem = "it has a path; the monitor serves from the root.";
            return null;
        }

        problem = string.Empty;
        return new IPEndPoint(address, uri.Port);
    }

    private static void ValidateNetwork(MonitorOptions options, List<string> failures)
    {
        var setting = Prefix + nameof(MonitorOptions.NetworkFile);
        if (string.IsNullOrWhiteSpace(options.NetworkFile))
        {
            failures.Add($"{setting} is not set and no network/.run/network.json was found from the current folder up: start the network with scripts/network.sh up, set {MonitorOptionsSetup.StateDirectoryVariable}, or set {setting}.");
            return;
        }

        if (!File.Exists(options.NetworkFile))
        {
            failures.Add($"{setting}: {options.NetworkFile} does not exist; start the network with scripts/network.sh up (it writes .run/network.json in its state folder).");
            return;
        }

        NetworkProfile profile;
        try
        {
            profile = NetworkProfile.Load(options.NetworkFile);
        }
        catch (InvalidOperationException ex)
        {
            failures.Add($"{setting}: {ex.Message}");
            return;
        }

        var org = profile.Orgs.FirstOrDefault(o => o.MspId == options.Organization);
        if (org is null)
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.Organization)} is '{options.Organization}', which {options.NetworkFile} does not list (it has {string.Join(", ", profile.Orgs.Select(o => o.MspId))}).");
        }
        else if (org.Users is null || !org.Users.ContainsKey(options.User))
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.User)} is '{options.User}', which {options.Organization} does not have in {options.NetworkFile}.");
        }

        var peerOrganization = options.PeerOrganization ?? options.Organization;
        if (!profile.Peers.Any(p => p.MspId == peerOrganization))
        {
            failures.Add($"{Prefix}{nameof(MonitorOptions.PeerOrganization)}: {options.NetworkFile} lists no peer of {peerOrganization}.");
        }
    }
}
