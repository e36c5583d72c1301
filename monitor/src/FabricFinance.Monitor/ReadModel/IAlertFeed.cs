namespace FabricFinance.Monitor.ReadModel;

/// <summary>The alert feed, live: what the web page's server-sent events relay.</summary>
public interface IAlertFeed
{
    /// <summary>
    /// Streams alerts after a sequence number: first those already raised, then each new one as the block that
    /// raised it is stored, with no gap and no repeat, until cancelled.
    /// </summary>
    /// <param name="afterSequence">Start after this <see cref="MarketAlert.Sequence"/>; 0 for all.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The alerts in feed order.</returns>
    IAsyncEnumerable<MarketAlert> WatchAsync(long afterSequence, CancellationToken cancellationToken);
}
