using System.Text;
using System.Text.Json;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// What a submitted or evaluated transaction produced: the chaincode's response, its event, and for a
/// submitted transaction that was endorsed, how it committed.
/// </summary>
public sealed class TransactionResult
{
    internal TransactionResult(string transactionId, ChaincodeResponse response, TransactionEvent? transactionEvent, CommitResult? commit)
    {
        TransactionId = transactionId;
        Response = response;
        Event = transactionEvent;
        Commit = commit;
    }

    /// <summary>Gets the transaction id.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the chaincode's response.</summary>
    public ChaincodeResponse Response { get; }

    /// <summary>Gets the response status (200 on success).</summary>
    public int Status => Response.Status;

    /// <summary>Gets the response message (the error text when the chaincode refused).</summary>
    public string Message => Response.Message;

    /// <summary>Gets the response payload.</summary>
    public ReadOnlyMemory<byte> Payload => Response.Payload;

    /// <summary>Gets the response payload as UTF-8 text.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Response.Payload.Span);

    /// <summary>
    /// Reads the payload as JSON, with the contract API's serializer options
    /// (<see cref="JsonTransactionSerializer.Default"/>) unless others are given.
    /// </summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="options">The serializer options; <see langword="null"/> for the contract API's.</param>
    /// <returns>The value; <see langword="null"/> when the payload is the JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The payload is not JSON of that type (an error response has an empty payload).</exception>
    public T? ReadJson<T>(JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize<T>(Response.Payload.Span, options ?? JsonTransactionSerializer.Default.Options);

    /// <summary>Gets the chaincode event the transaction set, or <see langword="null"/> when it set none.</summary>
    public TransactionEvent? Event { get; }

    /// <summary>
    /// Gets how the transaction committed; <see langword="null"/> for an evaluation, and for a submission whose
    /// response was an error (status 400 or more), which no peer endorses, so nothing was committed.
    /// </summary>
    public CommitResult? Commit { get; }

    /// <summary>Gets the validation code, or <see langword="null"/> when nothing was committed.</summary>
    public ValidationCode? ValidationCode => Commit?.ValidationCode;

    /// <summary>
    /// Gets a value indicating whether the transaction succeeded: the chaincode answered a status below
    /// 400 and, when it was committed, it is valid.
    /// </summary>
    public bool IsSuccess => Response.IsSuccess && (Commit is null || Commit.IsValid);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{TransactionId}: status {Status}{(Message.Length > 0 ? $" ({Message})" : string.Empty)}{(Commit is null ? string.Empty : $", {Commit.ValidationCode} in block {Commit.BlockNumber}")}";
}
