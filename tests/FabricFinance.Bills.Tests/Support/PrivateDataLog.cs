using System.Collections.Concurrent;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// Every private data call the bill contract made on one ledger, committed or not: what the snapshot
/// reads back (private data cannot be listed) and what the privacy tests inspect.
/// </summary>
public sealed class PrivateDataLog
{
    private readonly ConcurrentQueue<PrivateDataAccess> _accesses = new();

    /// <summary>Gets every call so far, in order.</summary>
    public IReadOnlyList<PrivateDataAccess> All => [.. _accesses];

    /// <summary>Gets the distinct (collection, key) pairs the contract ever wrote, deleted or purged, in order.</summary>
    public IReadOnlyList<(string Collection, string Key)> WrittenKeys =>
        [.. _accesses.Where(a => a.Kind is not (PrivateDataAccessKind.Read or PrivateDataAccessKind.ReadHash)).Select(a => (a.Collection, a.Key)).Distinct()];

    /// <summary>The calls of one transaction.</summary>
    /// <param name="transactionId">The transaction id.</param>
    /// <returns>Its calls, in order.</returns>
    public IReadOnlyList<PrivateDataAccess> Of(string transactionId) => [.. _accesses.Where(a => a.TransactionId == transactionId)];

    internal void Add(PrivateDataAccess access) => _accesses.Enqueue(access);
}
