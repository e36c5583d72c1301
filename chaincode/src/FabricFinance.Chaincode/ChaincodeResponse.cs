using System.Text;

namespace FabricFinance.Chaincode;

/// <summary>
/// What a chaincode answers for one transaction: an HTTP-like status, a message and a payload.
/// </summary>
public sealed class ChaincodeResponse
{
    /// <summary>The status of a successful transaction.</summary>
    public const int Ok = 200;

    /// <summary>Statuses from this value up are errors; the peer refuses to endorse them.</summary>
    public const int ErrorThreshold = 400;

    /// <summary>The status the shim uses for errors.</summary>
    public const int Error = 500;

    private ChaincodeResponse(int status, string message, ReadOnlyMemory<byte> payload)
    {
        Status = status;
        Message = message;
        Payload = payload;
    }

    /// <summary>Gets the status: <see cref="Ok"/>, or at least <see cref="ErrorThreshold"/> for an error.</summary>
    public int Status { get; }

    /// <summary>Gets the message; for an error this is what the client sees.</summary>
    public string Message { get; }

    /// <summary>Gets the payload returned to the client.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets a value indicating whether the status is below <see cref="ErrorThreshold"/>.</summary>
    public bool IsSuccess => Status < ErrorThreshold;

    /// <summary>Creates a successful response.</summary>
    /// <param name="payload">The payload returned to the client.</param>
    /// <returns>A response with status <see cref="Ok"/>.</returns>
    public static ChaincodeResponse Success(ReadOnlyMemory<byte> payload = default) => new(Ok, string.Empty, payload);

    /// <summary>Creates a successful response whose payload is UTF-8 text.</summary>
    /// <param name="payload">The text returned to the client.</param>
    /// <returns>A response with status <see cref="Ok"/>.</returns>
    public static ChaincodeResponse Success(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(Ok, string.Empty, Encoding.UTF8.GetBytes(payload));
    }

    /// <summary>Wraps a response as another chaincode sent it, whatever its status.</summary>
    internal static ChaincodeResponse FromPeer(int status, string message, ReadOnlyMemory<byte> payload) => new(status, message, payload);

    /// <summary>Creates an error response.</summary>
    /// <param name="message">What went wrong; the client receives it.</param>
    /// <param name="status">The status, at least <see cref="ErrorThreshold"/>.</param>
    /// <returns>An error response.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is below <see cref="ErrorThreshold"/>.</exception>
    public static ChaincodeResponse Failure(string message, int status = Error)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, ErrorThreshold);
        return new(status, message, ReadOnlyMemory<byte>.Empty);
    }
}
