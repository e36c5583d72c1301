using System.Runtime.CompilerServices;
using FabricFinance.Client;
using FabricFinance.Client.Events;
using FabricFinance.Client.Identity;
using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Ingestion.Internal;
using Grpc.Net.Client;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// Reads blocks with private data from a peer's Deliver service through the FabricFinance client, as the configured
/// identity (the regulator's by default, whose peer is a member of every deal-terms collection). The stream resumes by
/// itself after transient failures (a peer restart), from the block after the last one delivered.
/// </summary>
public sealed class FabricBlockSource : IBlockSource, IDisposable
{
    private readonly MonitorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FabricBlockSource> _logger;
    private readonly Lock _lock = new();
    private (GrpcChannel Channel, Gateway Gateway, Network Network, string Peer)? _connection;

    /// <summary>Creates a source; nothing is connected until the first read.</summary>
    /// <param name="options">The monitor's settings (network file, identity, peer, channel).</param>
    /// <param name="timeProvider">The clock of request timestamps and reconnection delays.</param>
    /// <param name="logger">Where progress goes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FabricBlockSource(IOptions<MonitorOptions> options, TimeProvider timeProvider, ILogger<FabricBlockSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<BlockAndPrivateData> ReadBlocksAsync(long startBlock, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startBlock);
        return ReadCoreAsync(startBlock, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Asks the same peer the blocks are read from (<c>qscc</c> <c>GetChainInfo</c>, which any channel reader,
    /// the regulator included, may call).</remarks>
    public async Task<long> GetChainHeightAsync(CancellationToken cancellationToken)
    {
        var (_, _, network, _) = Connect();
        var info = await network.GetLedger().GetChainInfoAsync(cancellationToken).ConfigureAwait(false);
        return checked((long)info.Height);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            _connection?.Gateway.Dispose();
            _connection?.Channel.Dispose();
            _connection = null;
        }
    }

    private async IAsyncEnumerable<BlockAndPrivateData> ReadCoreAsync(long startBlock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, _, network, peer) = Connect();
        IngestionLog.Following(_logger, network.Name, startBlock, _options.User, _options.Organization, peer);
        var request = new BlockEventsOptions
        {
            StartBlock = (ulong)startBlock,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { MaxAttempts = null, MaxDelay = TimeSpan.FromSeconds(30) },
        };
        await foreach (var block in network.GetBlockAndPrivateDataEventsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            yield return block;
        }
    }

    private (GrpcChannel Channel, Gateway Gateway, Network Network, string Peer) Connect()
    {
        lock (_lock)
        {
            if (_connection is { } existing)
            {
                return existing;
            }

            var networkFile = _options.NetworkFile ?? throw new InvalidOperationException("Monitor:NetworkFile is not set.");
            var profile = NetworkProfile.Load(networkFile);
            var peerOrganization = _options.PeerOrganization ?? _options.Organization;
            var peer = profile.Peers.FirstOrDefault(p => p.MspId == peerOrganization)
                ?? throw new InvalidOperationException($"{networkFile} lists no peer of {peerOrganization}.");
            var user = profile.Orgs.FirstOrDefault(o => o.MspId == _options.Organization)?.Users?.GetValueOrDefault(_options.User)
                ?? throw new InvalidOperationException($"{networkFile} has no user {_options.User} of {_options.Organization}.");
            var address = peer.Address.Contains("://", StringComparison.Ordinal) ? peer.Address : "https://" + peer.Address;
            var channel = GatewayChannel.ForAddress(
                address, new GatewayChannelOptions { TlsRootCertificatesPem = File.ReadAllText(profile.Resolve(peer.TlsCaCert)) });
            var identity = X509Identity.FromPem(_options.Organization, File.ReadAllText(profile.Resolve(user.Certificate)));
            var gateway = Gateway.Connect(
                channel,
                identity,
                new GatewayOptions { Signer = Signers.NewPrivateKeySigner(File.ReadAllText(profile.Resolve(user.Key))), TimeProvider = _timeProvider });
            var network = gateway.GetNetwork(_options.Channel ?? profile.Channel);
            _connection = (channel, gateway, network, $"{peer.Name} ({peer.Address})");
            return _connection.Value;
        }
    }
}
