using System.Runtime.CompilerServices;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// The live alert feed: reads alerts from the store (so a watcher that starts late first catches up) and then waits
/// for the ingestion to say a block was stored. The store is the only source, and each watcher remembers the last
/// sequence it delivered, so there is neither a gap nor a repeat between catching up and following.
/// </summary>
public sealed class AlertFeed : IAlertFeed
{
    private const int PageSize = 500;

    private readonly IMonitorStore _store;
    private readonly Lock _lock = new();
    private TaskCompletionSource _stored = NewSignal();

    /// <summary>Creates a feed over a store.</summary>
    /// <param name="store">The store the ingestion writes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public AlertFeed(IMonitorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Wakes every watcher: a block was stored, maybe with new alerts.</summary>
    public void NotifyStored()
    {
        TaskCompletionSource stored;
        lock (_lock)
        {
            stored = _stored;
            _stored = NewSignal();
        }

        stored.TrySetResult();
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<MarketAlert> WatchAsync(long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        return WatchCoreAsync(afterSequence, cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async IAsyncEnumerable<MarketAlert> WatchCoreAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterSequence;
        while (true)
        {
            Task stored;
            lock (_lock)
            {
                stored = _stored.Task; // taken before reading, so a block stored during the read still wakes us
            }

            var page = await _store.GetAlertsAsync(last, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var alert in page)
            {
                yield return alert;
                last = alert.Sequence;
            }

            if (page.Count < PageSize)
            {
                await stored.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
