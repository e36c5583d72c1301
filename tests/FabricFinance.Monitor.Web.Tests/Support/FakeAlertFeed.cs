using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>An in-memory alert feed: alerts published by a test reach every open watcher, after its catch-up.</summary>
public sealed class FakeAlertFeed : IAlertFeed
{
    private readonly Lock _gate = new();
    private readonly List<MarketAlert> _alerts = [];
    private readonly List<ChannelWriter<MarketAlert>> _watchers = [];

    /// <summary>Gets how many streams are watching right now.</summary>
    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Gets the alerts raised so far, in feed order.</summary>
    public IReadOnlyList<MarketAlert> Alerts
    {
        get
        {
            lock (_gate)
            {
                return [.. _alerts];
            }
        }
    }

    /// <summary>Raises an alert: it gets the next sequence number and goes to every watcher.</summary>
    public MarketAlert Publish(
        string ruleId, AlertSeverity severity, string billId, string summary, long blockNumber, string transactionId, DateTimeOffset timestamp)
    {
        lock (_gate)
        {
            var alert = new MarketAlert(
                _alerts.Count + 1, ruleId, severity, billId, summary, blockNumber, transactionId, timestamp, [transactionId]);
            _alerts.Add(alert);
            foreach (var watcher in _watchers)
            {
                watcher.TryWrite(alert);
            }

            return alert;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<MarketAlert> WatchAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<MarketAlert>(new UnboundedChannelOptions { SingleReader = true });
        List<MarketAlert> backlog;
        lock (_gate)
        {
            backlog = [.. _alerts.Where(a => a.Sequence > afterSequence)];
            _watchers.Add(channel.Writer);
        }

        try
        {
            foreach (var alert in backlog)
            {
                yield return alert;
            }

            await foreach (var alert in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return alert;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel.Writer);
            }
        }
    }
}
