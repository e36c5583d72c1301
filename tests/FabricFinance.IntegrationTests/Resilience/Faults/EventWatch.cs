using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Events;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// A typed bill event stream read in the background as an application reads it: from a
/// checkpointer, recording each event there once processed, and with
/// <see cref="ChaincodeEventsOptions.ResumeOnFailure"/> so that a restarted peer costs neither a gap
/// nor a duplicate. It keeps every event it saw, in order.
/// </summary>
internal sealed class EventWatch : IAsyncDisposable
{
    private readonly List<BillMarketEvent> _events = [];
    private readonly CancellationTokenSource _stop;
    private readonly Task _reader;

    private EventWatch(BillMarketClient client, ICheckpointer checkpointer, ulong startBlock, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new ChaincodeEventsOptions
        {
            StartBlock = startBlock,
            Checkpoint = checkpointer,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { MaxAttempts = null, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        _reader = Task.Run(() => ReadAsync(client, options, checkpointer, _stop.Token), CancellationToken.None);
    }

    /// <summary>Gets the events seen so far, in the order they arrived.</summary>
    public IReadOnlyList<BillMarketEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// Starts reading: from the checkpointer's position when it holds one, otherwise from
    /// <paramref name="startBlock"/>.
    /// </summary>
    public static EventWatch Start(BillMarketClient client, ICheckpointer checkpointer, ulong startBlock, CancellationToken cancellationToken) =>
        new(client, checkpointer, startBlock, cancellationToken);

    /// <summary>Waits until the stream has delivered an event of each of <paramref name="transactionIds"/>, or <paramref name="timeout"/> passed.</summary>
    /// <returns>The ids not seen.</returns>
    public async Task<IReadOnlyList<string>> WaitForAsync(IReadOnlyCollection<string> transactionIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var seen = Events.Select(e => e.TransactionId).ToHashSet(StringComparer.Ordinal);
            var missing = transactionIds.Where(id => !seen.Contains(id)).ToList();
            if (missing.Count == 0 || DateTime.UtcNow > deadline || _reader.IsCompleted)
            {
                return missing;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops reading; throws what ended the stream if it failed.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task ReadAsync(BillMarketClient client, ChaincodeEventsOptions options, ICheckpointer checkpointer, CancellationToken cancellationToken)
    {
        await foreach (var e in client.GetEventsAsync(options, cancellationToken))
        {
            lock (_events)
            {
                _events.Add(e);
            }

            // Not cancellable: an event added is always checkpointed, so a stopped reader never hands its successor a duplicate.
            await e.CheckpointAsync(checkpointer, CancellationToken.None);
        }
    }
}
