using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Handler;

/// <summary>
/// What the peer said it can do, from the payload of its READY message
/// (<c>protos.ChaincodeAdditionalParams</c>). Fabric 2.5 sends no payload, so every capability is
/// off and the stub uses one message per read and per write, as before.
/// </summary>
/// <param name="UseWriteBatch">The peer accepts WRITE_BATCH_STATE.</param>
/// <param name="MaxWriteBatchSize">The most write records to put in one WRITE_BATCH_STATE.</param>
/// <param name="UseGetMultipleKeys">The peer accepts GET_STATE_MULTIPLE.</param>
/// <param name="MaxGetMultipleKeys">The most keys to ask for in one GET_STATE_MULTIPLE.</param>
internal sealed record PeerCapabilities(bool UseWriteBatch, int MaxWriteBatchSize, bool UseGetMultipleKeys, int MaxGetMultipleKeys)
{
    /// <summary>
    /// The size the Go shim uses when the peer offers a capability without a limit. A peer that names
    /// a limit is taken at its word, even below this (the Go shim raises such a limit to 100).
    /// </summary>
    public const int DefaultMaxSize = 100;

    /// <summary>Gets the capabilities of a peer that offers none (Fabric 2.5).</summary>
    public static PeerCapabilities None { get; } = new(false, 0, false, 0);

    /// <summary>Reads the READY payload; an empty payload means no capabilities.</summary>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The payload is not a <c>ChaincodeAdditionalParams</c>.</exception>
    public static PeerCapabilities FromReadyPayload(Google.Protobuf.ByteString payload)
    {
        if (payload.IsEmpty)
        {
            return None;
        }

        var offered = ChaincodeAdditionalParams.Parser.ParseFrom(payload);
        return new PeerCapabilities(
            offered.UseWriteBatch,
            offered.UseWriteBatch ? Limit(offered.MaxSizeWriteBatch) : 0,
            offered.UseGetMultipleKeys,
            offered.UseGetMultipleKeys ? Limit(offered.MaxSizeGetMultipleKeys) : 0);
    }

    private static int Limit(uint offered) => offered == 0 ? DefaultMaxSize : (int)Math.Min(offered, int.MaxValue);
}
