using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;

namespace FabricFinance.Monitor.Storage;

/// <summary>
/// The read model's database: written one whole block at a time (records, activities, alerts and the checkpoint in
/// one transaction, so a crash leaves neither a gap nor a duplicate), read by the web pages
/// (<see cref="IMonitorQueries"/>) and by the alert rules (<see cref="IRuleContext"/>).
/// </summary>
public interface IMonitorStore : IMonitorQueries, IRuleContext
{
    /// <summary>Gets the database kind.</summary>
    StorageProvider Provider { get; }

    /// <summary>Creates the tables when they are missing (the first call of any other method does too); safe to call on every start.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the last block applied.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The block number; null for an empty read model (reading starts at block 0).</returns>
    Task<long?> GetCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies one block's changes and moves the checkpoint to it, with the block's header hash, atomically. The block
    /// must continue the chain: its previous hash must equal the header hash stored with the checkpoint (any block 0 is
    /// accepted on an empty read model).
    /// </summary>
    /// <param name="changes">The block's changes.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is applied).</param>
    /// <returns>A task that completes when the block is committed to the database.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The changes carry no 32-byte header hash.</exception>
    /// <exception cref="ForeignChainException">The block is the next one by number but belongs to another chain (its
    /// previous hash is not the checkpoint block's header hash); nothing is applied.</exception>
    /// <exception cref="InvalidOperationException">The block is not the one after the checkpoint (a gap or a repeat);
    /// nothing is applied.</exception>
    Task ApplyBlockAsync(BlockChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the whole read model and the checkpoint, for a rebuild from block 0.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the read model is empty.</returns>
    Task ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one bill as the read model holds it.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bill; null when unknown.</returns>
    Task<Bill?> GetBillAsync(string billId, CancellationToken cancellationToken = default);

    /// <summary>Gets one deal and its terms, with where it first appeared.</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deal; null when unknown.</returns>
    Task<DealChange?> GetDealAsync(string dealId, CancellationToken cancellationToken = default);

    /// <summary>Gets the sequence number of the last alert raised.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequence; 0 when none was raised.</returns>
    Task<long> GetLastAlertSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole read model as canonical JSON: the checkpoint and its block's header hash, then every table in a
    /// fixed order, records sorted by key, so two stores with the same content (followed live or rebuilt, SQLite or
    /// PostgreSQL) give the same text.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The JSON text.</returns>
    Task<string> ExportAsync(CancellationToken cancellationToken = default);
}
