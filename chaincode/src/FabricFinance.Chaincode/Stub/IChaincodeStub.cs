namespace FabricFinance.Chaincode;

/// <summary>
/// One transaction's view of the ledger and of the proposal that started it.
/// </summary>
/// <remarks>
/// Writes are not visible to reads in the same transaction: Fabric simulates a transaction against
/// the committed state and records reads and writes; the writes take effect only when the
/// transaction commits. Calls that reach the peer are serialized per transaction, so awaiting
/// several of them concurrently is safe.
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

    /// <summary>Reads a key's committed value.</summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>The value, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a key's value when the transaction commits.</summary>
    /// <param name="key">The key; not empty, valid UTF-8, not starting with U+0000.</param>
    /// <param name="value">The value; not empty (use <see cref="DeleteStateAsync"/> to remove a key).</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the write.</returns>
    /// <exception cref="ArgumentException">The key or value is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key when the transaction commits.</summary>
    /// <param name="key">The key; not empty, valid UTF-8.</param>
    /// <param name="cancellationToken">Cancels the wait for the peer.</param>
    /// <returns>A task that completes when the peer recorded the delete.</returns>
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
    /// <exception cref="ArgumentException">A key is not valid.</exception>
    /// <exception cref="ChaincodeException">The peer refused the request.</exception>
    IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the transaction's chaincode event, delivered to listeners when the transaction commits.
    /// A transaction has at most one event: the last call wins.
    /// </summary>
    /// <param name="name">The event name; not empty.</param>
    /// <param name="payload">The event payload.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    void SetEvent(string name, ReadOnlyMemory<byte> payload);
}
