namespace FabricFinance.Client.Internal;

/// <summary>One enumeration of an event stream that can reconnect from where it stopped.</summary>
/// <typeparam name="T">The type of the events.</typeparam>
internal interface IEventSource<T>
{
    /// <summary>Gets a description of the position the next connection starts from, for logs.</summary>
    string Position { get; }

    /// <summary>Opens one stream from the current position.</summary>
    /// <param name="reconnecting">False for the first connection, true for the following ones.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    IAsyncEnumerable<T> ConnectAsync(bool reconnecting, CancellationToken cancellationToken);

    /// <summary>Moves the position past an event the caller has received.</summary>
    void Delivered(T item);
}
