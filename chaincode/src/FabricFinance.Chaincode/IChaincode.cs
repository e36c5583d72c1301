namespace FabricFinance.Chaincode;

/// <summary>
/// A chaincode: the peer hands it one <see cref="IChaincodeStub"/> per transaction.
/// </summary>
/// <remarks>
/// Implementations must be deterministic: every endorsing peer runs the same transaction and the
/// results must match byte for byte. Do not read the clock, use randomness or floating point, or
/// iterate unordered collections into state or responses. Many transactions run concurrently, so an
/// implementation must be thread-safe; per-transaction state belongs on the stub, not on fields.
/// </remarks>
public interface IChaincode
{
    /// <summary>Handles an <c>INIT</c> message (a chaincode defined with <c>--init-required</c>).</summary>
    /// <param name="stub">The transaction's view of the ledger and its proposal.</param>
    /// <param name="cancellationToken">Cancelled when the peer connection closes or the host stops.</param>
    /// <returns>The response sent to the peer; a status of 400 or more fails the endorsement.</returns>
    Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken);

    /// <summary>Handles a <c>TRANSACTION</c> message: an evaluate or an endorsement.</summary>
    /// <param name="stub">The transaction's view of the ledger and its proposal.</param>
    /// <param name="cancellationToken">Cancelled when the peer connection closes or the host stops.</param>
    /// <returns>The response sent to the peer; a status of 400 or more fails the endorsement.</returns>
    Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken);
}
