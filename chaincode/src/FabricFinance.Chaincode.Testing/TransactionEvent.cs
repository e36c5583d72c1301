using System.Text;

namespace FabricFinance.Chaincode.Testing;

/// <summary>A chaincode event: the name and payload a transaction set with <see cref="IChaincodeStub.SetEvent"/> (the last call wins).</summary>
/// <param name="Name">The event name.</param>
/// <param name="Payload">The payload.</param>
public sealed record TransactionEvent(string Name, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Gets the payload as UTF-8 text.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
