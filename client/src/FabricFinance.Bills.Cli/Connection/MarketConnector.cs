using System.Security.Cryptography;
using FabricFinance.Bills.Cli.Commands;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Identity;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>Connects the bill market client as the identity a command names, to that identity's own org's peer.</summary>
internal sealed class MarketConnector(CliEnvironment environment, IPeerConnector peers)
{
    /// <summary>Reads network.json and lists the names one can act as.</summary>
    public (NetworkProfile Profile, IdentityDirectory Identities) LoadDirectory(string? networkFile)
    {
        var profile = NetworkProfile.Load(NetworkLocator.Locate(networkFile, environment));
        return (profile, new IdentityDirectory(profile));
    }

    /// <summary>Connects as <c>--as</c> (or <c>$FABFIN_AS</c>), with the clock of <c>--at</c> when given.</summary>
    public MarketSession Open(MarketSettings settings, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (profile, identities) = LoadDirectory(settings.Network);
        var identity = identities.Resolve(settings.As ?? environment.GetVariable(CliEnvironment.AsVariable));
        var peer = settings.Via is { } via
            ? profile.Peers.FirstOrDefault(p => string.Equals(p.MspId, via, StringComparison.Ordinal))
                ?? throw new CliUsageException($"--via {via}: no peer of that MSP in network.json (peers: {string.Join(", ", profile.Peers.Select(p => p.MspId).Distinct())}).")
            : identity.Peer
                ?? throw new NetworkSetupException($"{identity.MspId} runs no peer in network.json, so {identity.Name} has no gateway to talk to.");
        peer = peer with { TlsCaCert = profile.Resolve(peer.TlsCaCert) };

        var certificatePem = ReadCredential(identity.CertificateFile, identity, "certificate");
        var keyPem = ReadCredential(identity.KeyFile, identity, "private key");
        X509Identity x509;
        ISigner signer;
        try
        {
            x509 = X509Identity.FromPem(identity.MspId, certificatePem);
            signer = Signers.NewPrivateKeySigner(keyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new NetworkSetupException($"The credentials of {identity.Name} cannot be loaded: {ex.Message}", ex);
        }

        var connection = peers.Connect(peer);
        try
        {
            var gateway = Gateway.Connect(connection.Invoker, x509, new GatewayOptions
            {
                Signer = signer,
                TimeProvider = at is { } instant ? new FixedTimeProvider(instant) : TimeProvider.System,
            });
            var network = gateway.GetNetwork(settings.Channel ?? profile.Channel);
            var market = network.GetBillMarket(new BillMarketClientOptions { ChaincodeName = settings.Chaincode });
            return new MarketSession(market, identity, profile, identities, gateway, connection.Owner);
        }
        catch
        {
            connection.Owner?.Dispose();
            throw;
        }
    }

    private static string ReadCredential(string path, CliIdentity identity, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetworkSetupException($"Cannot read the {what} of {identity.Name} ({path}): {ex.Message}", ex);
        }
    }
}
