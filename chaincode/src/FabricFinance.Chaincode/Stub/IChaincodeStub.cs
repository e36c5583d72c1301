namespace FabricFinance.Chaincode;

/// <summary>
/// One transaction's view of the ledger and of the proposal that started it.
/// </summary>
/// <remarks>
/// <para>
/// Writes are not visible to reads in the same transaction: Fabric simulates a transaction against
/// the committed state and records reads and writes; the writes take effect only when the
/// transaction commits. Calls that reach the peer are serialized per transaction, so awaiting
/// several of them concurrently is safe.
/// </para>
/// <para>
/// Keys are text: not empty and valid UTF-16, since the peer stores them as UTF-8. Keys starting
/// with U+0000 are composite keys (<see cref="CompositeKey"/>); they are read and written like any
/// other key, but a range query's start and end keys may not start with U+0000.
/// </para>
/// <para>
/// Queries that return many records are <see cref="IAsyncEnumerable{T}"/>: records are fetched from
/// the peer page by page as they are enumerated, and disposing the enumerator early (a
/// <see langword="break"/> or <see langword="return"/> inside <see langword="await foreach"/>)
/// tells the peer to release its iterator. Paginated variants return one <see cref="QueryPage{T}"/>.
/// The peer allows paginated queries, and range or rich queries over private data, only in a
/// transaction that writes nothing: it refuses such a query after a write, and a write after such a
/// query. Use them in evaluate-only transactions.
/// </para>
/// </remarks>
public interface IChaincodeStub
{
    /// <summary>Gets the channel the transaction runs on.</summary>
    string ChannelId { get; }

    /// <summary>Gets the transaction id chosen by the client.</summary>
    string TransactionId { get; }

    /// <summary>Gets the proposal's timestamp, as the client asserted it. The same on every endorser.</summary>
    DateTimeOffset TransactionTimestamp { get; }

    /// <summary>Gets the raw arguments: the function name first, then its parameters.</summary>
    IReadOnlyList<ReadOnlyMemory<byte>> Arguments { get; }

    /// <summary>Gets the function name (the first argument as UTF-8 text, empty when there is none).</summary>
    string FunctionName { get; }

    /// <summary>Gets the parameters (the arguments after the first) as UTF-8 text.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>Gets the serialized identity (<c>msp.SerializedIdentity</c>) of the client that signed the proposal.</summary>
    ReadOnlyMemory<byte> Creator { get; }

    /// <summary>Gets the MSP id of the client that signed the proposal.</summary>
    string CreatorMspId { get; }

    /// <summary>Gets the transient data: private inputs that never reach a block.</summary>
    IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData { get; }

    /// <summary>Gets the proposal binding: SHA-256 of nonce, creator and epoch.</summary>
    ReadOnlyMemory<byte> Binding { get; }

    /// <summary>Gets the signed proposal as the peer received it (empty when the peer sent none).</summary>
    ReadOnlyMemory<byte> SignedProposal { get; }

    /// <summary>
    /// Gets the decorations the peer attached to the chaincode input (<c>ChaincodeInput.decorations</c>),
    /// typically set by a peer's decorator plugins; empty on a default peer.
    /// </summary>
    IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Decorations { get; }

    /// <summary>
    /// Gets the client that signed the proposal: MSP id, X.509 certificate, Fabric id, Fabric CA
    /// attributes and node OU role. Read from <see cref="Creator"/> on first use and kept for the
    /// transaction; the shim remembers creators it has read before, so a client's later transactions
    /// do not parse its certificate again. Outside a stub, use <see cref="FabricFinance.Chaincode.ClientIdentity.FromSerializedIdentity"/>.
    /// </summary>
    /// <exception cref="ChaincodeException">The creator is missing or is not an X.509 identity.</exception>
    ClientIdentity ClientIdentity { get; }

    /// <summary>Reads a key's committed value.</summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The value, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the committed values of several keys: with one GET_STATE_MULTIPLE per batch of keys
    /// when the peer offers it (Fabric 3.1 and later), else with one GET_STATE per key.
    /// </summary>
    /// <param name="keys">The keys; each not empty, valid UTF-8. None is allowed.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The values in the order of <paramref name="keys"/>; <see langword="null"/> for a key that does not exist.</returns>
    /// <exception cref="ArgumentException">A key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<IReadOnlyList<byte[]?>> GetMultipleStatesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes a key's value when the transaction commits.</summary>
    /// <param name="key">The key; not empty, valid UTF-8. Composite keys are allowed.</param>
    /// <param name="value">The value; not empty (use <see cref="DeleteStateAsync"/> to remove a key).</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the write (or the write joined the write batch).</returns>
    /// <exception cref="ArgumentException">The key or value is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key when the transaction commits.</summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the delete (or it joined the write batch).</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task DeleteStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the committed keys in <c>[startKey, endKey)</c> in the ledger's key order.
    /// Disposing the enumerator early releases the peer's iterator.
    /// </summary>
    /// <param name="startKey">The first key, inclusive; empty means from the first key.</param>
    /// <param name="endKey">The end key, exclusive; empty means to the last key.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The keys and values, in order.</returns>
    /// <exception cref="ArgumentException">A key is not valid or starts with U+0000.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the committed keys in <c>[startKey, endKey)</c>.</summary>
    /// <param name="startKey">The first key, inclusive; empty means from the first key.</param>
    /// <param name="endKey">The end key, exclusive; empty means to the last key.</param>
    /// <param name="pageSize">The most records to return; positive.</param>
    /// <param name="bookmark">Empty for the first page, then the previous page's <see cref="QueryPage{T}.Bookmark"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A key is not valid or starts with U+0000.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the committed composite keys that start with the given object type and leading
    /// attributes, in key order. Disposing the enumerator early releases the peer's iterator.
    /// </summary>
    /// <param name="objectType">The object type; may be empty (then every composite key matches).</param>
    /// <param name="attributes">The leading attributes to match; none matches every key of the type.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The keys and values, in order.</returns>
    /// <exception cref="ArgumentException">The object type or an attribute is not valid in a composite key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the committed composite keys that start with the given object type and attributes.</summary>
    /// <param name="objectType">The object type; may be empty.</param>
    /// <param name="attributes">The leading attributes to match.</param>
    /// <param name="pageSize">The most records to return; positive.</param>
    /// <param name="bookmark">Empty for the first page, then the previous page's <see cref="QueryPage{T}.Bookmark"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The object type or an attribute is not valid in a composite key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the results of a rich query (a CouchDB Mango query in JSON) over the committed state.
    /// Only a peer with CouchDB as its state database can run it. Rich query results are not re-checked
    /// at commit time (no phantom protection), so do not base writes on them.
    /// </summary>
    /// <param name="query">The query, as the state database's query language; not empty.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The matching keys and values.</returns>
    /// <exception cref="ArgumentException"><paramref name="query"/> is empty.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request (for example, its state database is LevelDB).</exception>
    IAsyncEnumerable<KeyValue> GetQueryResultAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the results of a rich query.</summary>
    /// <param name="query">The query; not empty.</param>
    /// <param name="pageSize">The most records to return; positive.</param>
    /// <param name="bookmark">Empty for the first page, then the previous page's <see cref="QueryPage{T}.Bookmark"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException"><paramref name="query"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<QueryPage<KeyValue>> GetQueryResultWithPaginationAsync(string query, int pageSize, string bookmark, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every committed change of a key, newest first, including deletes. Needs the peer's
    /// history database (on by default). History is not re-checked at commit time, so do not base
    /// writes on it.
    /// </summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a key's key-level endorsement policy (its <c>VALIDATION_PARAMETER</c> metadata). This adds
    /// the key to the transaction's read set.
    /// </summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The policy bytes (see <see cref="KeyEndorsementPolicy"/>), or <see langword="null"/> when the key has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request (the channel needs the V1_3 application capability or later).</exception>
    Task<byte[]?> GetStateValidationParameterAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a key's key-level endorsement policy when the transaction commits: from then on, changes to
    /// the key must satisfy it instead of the chaincode's policy.
    /// </summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="policy">The policy bytes, usually <see cref="KeyEndorsementPolicy.GetPolicy"/>; empty removes the key's policy.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the write (or the write joined the write batch).</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default);

    /// <summary>Reads a key's value in a private data collection, as this peer holds it.</summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The value, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request (unknown collection, no read access, or called from Init).</exception>
    Task<byte[]?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the values of several keys in a private data collection (one GET_STATE_MULTIPLE per batch
    /// when the peer offers it, else one GET_STATE per key).
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="keys">The keys; each not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The values in the order of <paramref name="keys"/>; <see langword="null"/> for a key that does not exist.</returns>
    /// <exception cref="ArgumentException">The collection or a key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<IReadOnlyList<byte[]?>> GetMultiplePrivateDataAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the SHA-256 hash of a key's private value, which every peer of the channel holds, even
    /// peers of organizations outside the collection.
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The hash, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<byte[]?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a key's value in a private data collection when the transaction commits. The value goes
    /// to the collection's members only; the block carries its hash. Pass private inputs through
    /// <see cref="TransientData"/>, not through the arguments, or they end up in the block.
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="value">The value; not empty (use <see cref="DeletePrivateDataAsync"/> to remove a key).</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the write (or the write joined the write batch).</returns>
    /// <exception cref="ArgumentException">The collection, key or value is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key in a private data collection when the transaction commits.</summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the delete (or it joined the write batch).</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a key in a private data collection and purges its past values from every peer's private
    /// store when the transaction commits (the hashes stay on the ledger).
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the purge (or it joined the write batch).</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request (the channel needs the V2_5 application capability).</exception>
    Task PurgePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the keys in <c>[startKey, endKey)</c> of a private data collection, in key order.
    /// Disposing the enumerator early releases the peer's iterator.
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="startKey">The first key, inclusive; empty means from the first key.</param>
    /// <param name="endKey">The end key, exclusive; empty means to the last key.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The keys and values, in order.</returns>
    /// <exception cref="ArgumentException">The collection or a key is not valid, or a key starts with U+0000.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the composite keys of a private data collection that start with the given object type
    /// and attributes. Disposing the enumerator early releases the peer's iterator.
    /// </summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="objectType">The object type; may be empty.</param>
    /// <param name="attributes">The leading attributes to match.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The keys and values, in order.</returns>
    /// <exception cref="ArgumentException">The collection, object type or an attribute is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetPrivateDataByPartialCompositeKeyAsync(string collection, string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default);

    /// <summary>Streams the results of a rich query over a private data collection (CouchDB only).</summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="query">The query; not empty.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    /// <returns>The matching keys and values.</returns>
    /// <exception cref="ArgumentException">The collection or query is empty.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetPrivateDataQueryResultAsync(string collection, string query, CancellationToken cancellationToken = default);

    /// <summary>Reads the key-level endorsement policy of a key in a private data collection.</summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The policy bytes, or <see langword="null"/> when the key has none.</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<byte[]?> GetPrivateDataValidationParameterAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>Sets the key-level endorsement policy of a key in a private data collection when the transaction commits.</summary>
    /// <param name="collection">The collection name; not empty.</param>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="policy">The policy bytes; empty removes the key's policy.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the write (or the write joined the write batch).</returns>
    /// <exception cref="ArgumentException">The collection or key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task SetPrivateDataValidationParameterAsync(string collection, string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts buffering this transaction's writes (state and private data puts, deletes, purges and
    /// validation parameters) instead of sending each to the peer, when the peer offers write batches
    /// (Fabric 3.1 and later; Fabric 2.5 does not). Buffered writes are sent in WRITE_BATCH_STATE
    /// messages by <see cref="FinishWriteBatchAsync"/>, or by the shim before it completes a
    /// successful transaction. Within a batch the last write of a key wins.
    /// </summary>
    /// <remarks>
    /// As with the Go shim's <c>StartWriteBatch</c>, batching is opted into per transaction, because it
    /// moves the peer's errors: a write the peer refuses (for example to a collection the client may
    /// not write) fails the batch at the end of the transaction, where the chaincode cannot catch it,
    /// and the transaction fails with status 500. Reads are unaffected: the peer never shows a
    /// transaction its own writes.
    /// </remarks>
    /// <returns><see langword="true"/> when writes are now buffered; <see langword="false"/> when the peer does not offer write batches and writes still go one by one.</returns>
    bool StartWriteBatch();

    /// <summary>
    /// Sends the writes buffered since <see cref="StartWriteBatch"/> in WRITE_BATCH_STATE messages of at
    /// most the peer's batch size, and stops buffering. Does nothing when no batch is open.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded every write.</returns>
    /// <exception cref="ChaincodeException">The peer refused a batch.</exception>
    Task FinishWriteBatchAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls another chaincode within this transaction (INVOKE_CHAINCODE). On the same channel the called
    /// chaincode's reads and writes join this transaction; on another channel it can only read (its
    /// writes are dropped). The client's proposal (creator, transient data) is passed on.
    /// </summary>
    /// <param name="chaincodeName">The chaincode name as defined on the channel; not empty, without '/' or ':'.</param>
    /// <param name="arguments">The arguments: the function name first, then its parameters.</param>
    /// <param name="channel">The channel of the called chaincode; empty for this transaction's channel.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The called chaincode's response, whatever its status; an ERROR from the called chaincode becomes status 500 with its message.</returns>
    /// <exception cref="ArgumentException">The chaincode name or channel is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the call (for example, no such chaincode or an ACL denial).</exception>
    Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments, string channel = "", CancellationToken cancellationToken = default);

    /// <summary>Calls another chaincode within this transaction, with text arguments sent as UTF-8.</summary>
    /// <param name="chaincodeName">The chaincode name as defined on the channel; not empty, without '/' or ':'.</param>
    /// <param name="arguments">The arguments: the function name first, then its parameters.</param>
    /// <param name="channel">The channel of the called chaincode; empty for this transaction's channel.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The called chaincode's response, whatever its status.</returns>
    /// <exception cref="ArgumentException">The chaincode name, an argument or the channel is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the call.</exception>
    Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<string> arguments, string channel = "", CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the transaction's chaincode event, delivered to listeners when the transaction commits.
    /// A transaction has at most one event: the last call wins.
    /// </summary>
    /// <param name="name">The event name; not empty.</param>
    /// <param name="payload">The event payload.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    void SetEvent(string name, ReadOnlyMemory<byte> payload);
}
