namespace FabricFinance.Chaincode;

/// <summary>
/// One page of a paginated query: the records, how many the peer fetched, and the bookmark that
/// asks for the next page.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class QueryPage<T>
{
    /// <summary>Initializes a new instance (for test doubles of <see cref="IChaincodeStub"/>).</summary>
    /// <param name="records">The records of the page, in the ledger's order.</param>
    /// <param name="fetchedRecordsCount">How many records the peer fetched for the page.</param>
    /// <param name="bookmark">The bookmark of the next page; pass it to the next call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="bookmark"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fetchedRecordsCount"/> is negative.</exception>
    public QueryPage(IReadOnlyList<T> records, int fetchedRecordsCount, string bookmark)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(fetchedRecordsCount);
        ArgumentNullException.ThrowIfNull(bookmark);
        Records = records;
        FetchedRecordsCount = fetchedRecordsCount;
        Bookmark = bookmark;
    }

    /// <summary>Gets the records of the page, in the ledger's order.</summary>
    public IReadOnlyList<T> Records { get; }

    /// <summary>Gets how many records the peer fetched for this page (Fabric's <c>fetched_records_count</c>).</summary>
    public int FetchedRecordsCount { get; }

    /// <summary>
    /// Gets the bookmark to pass to the next call for the following page. For a range query it is the
    /// next key; for a CouchDB rich query it is CouchDB's bookmark. A page with fewer records than
    /// the page size is the last one.
    /// </summary>
    public string Bookmark { get; }
}
