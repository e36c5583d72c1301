namespace FabricFinance.Client.Events;

/// <summary>
/// Options for block event requests (<see cref="Network.GetBlockEventsAsync"/>,
/// <see cref="Network.GetFilteredBlockEventsAsync"/>, <see cref="Network.GetBlockAndPrivateDataEventsAsync"/> and
/// their <c>New…Request</c> forms): where to start reading, and whether to reconnect after transient failures.
/// </summary>
/// <remarks>The options are read when the request is created; changing them afterwards has no effect on it.</remarks>
public sealed class BlockEventsOptions
{
    /// <summary>
    /// Gets or sets the number of the first block to read. When <see langword="null"/> (the default) reading starts with
    /// the next block committed.
    /// </summary>
    public ulong? StartBlock { get; set; }

    /// <summary>
    /// Gets or sets a checkpointer to resume from. When it holds a position, reading starts at its
    /// <see cref="ICheckpointer.BlockNumber"/> and <see cref="StartBlock"/> is ignored; when it holds none yet,
    /// <see cref="StartBlock"/> applies. Call <see cref="ICheckpointer.CheckpointBlockAsync"/> after processing each block.
    /// </summary>
    public ICheckpointer? Checkpoint { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the stream reconnects by itself after a transient failure (such as the
    /// peer restarting), from the block after the last one delivered, so that the caller sees neither a gap nor a
    /// duplicate. The default is <see langword="false"/>: every failure is thrown to the caller. Resuming signs new
    /// requests, so it needs the gateway's <see cref="GatewayOptions.Signer"/>.
    /// </summary>
    public bool ResumeOnFailure { get; set; }

    /// <summary>
    /// Gets or sets which failures are transient, how long to wait between reconnection attempts and how many to make,
    /// when <see cref="ResumeOnFailure"/> is set.
    /// </summary>
    public EventsResumePolicy ResumePolicy { get; set; } = new();
}
