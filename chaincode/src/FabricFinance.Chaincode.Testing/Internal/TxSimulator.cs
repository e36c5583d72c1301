namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// The simulation of one transaction: its read-write set per namespace and the peer's simulator rules
/// (no paginated or private data range queries once something was written, and no writes after them).
/// Shared by every chaincode the transaction calls on its channel.
/// </summary>
internal sealed class TxSimulator(string transactionId)
{
    private readonly SortedDictionary<string, NamespaceReadWriteSet> _namespaces = new(StringComparer.Ordinal);

    public string TransactionId { get; } = transactionId;

    /// <summary>Gets the namespaces touched, in the order Fabric sorts them in the read-write set.</summary>
    public IReadOnlyDictionary<string, NamespaceReadWriteSet> Namespaces => _namespaces;

    public bool WritePerformed { get; private set; }

    public bool PaginatedQueriesPerformed { get; private set; }

    public bool PrivateQueriesPerformed { get; private set; }

    public bool IsCompleted { get; private set; }

    public object Sync { get; } = new();

    public NamespaceReadWriteSet For(string ns)
    {
        if (!_namespaces.TryGetValue(ns, out var set))
        {
            set = new NamespaceReadWriteSet();
            _namespaces.Add(ns, set);
        }

        return set;
    }

    public void Complete() => IsCompleted = true;

    /// <summary>The simulator's check before a write (the peer's <c>checkWritePrecondition</c>); returns the refusal or null.</summary>
    public string? BeginWrite()
    {
        if (PrivateQueriesPerformed)
        {
            return $"txid [{TransactionId}]: unsuppored transaction. Transaction has already performed queries on pvt data. Writes are not allowed";
        }

        if (PaginatedQueriesPerformed)
        {
            return $"txid [{TransactionId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed";
        }

        WritePerformed = true;
        return null;
    }

    public string? BeginPaginatedQuery()
    {
        if (WritePerformed)
        {
            return $"txid [{TransactionId}]: unsuppored transaction. Paginated queries are supported only in a read-only transaction";
        }

        PaginatedQueriesPerformed = true;
        return null;
    }

    public string? BeginPrivateQuery()
    {
        if (WritePerformed)
        {
            return $"txid [{TransactionId}]: unsuppored transaction. Queries on pvt data is supported only in a read-only transaction";
        }

        PrivateQueriesPerformed = true;
        return null;
    }
}
