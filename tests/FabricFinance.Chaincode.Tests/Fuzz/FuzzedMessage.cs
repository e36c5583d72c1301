using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>A message the fuzzer sends in the ready state, and how many messages the chaincode must send back for its key.</summary>
/// <param name="Message">The message.</param>
/// <param name="ExpectedReplies">0 (RESPONSE and ERROR nobody asked for), or 1 (everything else: COMPLETED or ERROR, KEEPALIVE echoed).</param>
/// <param name="Description">What the fuzzer did, for failure messages.</param>
internal sealed record FuzzedMessage(ChaincodeMessage Message, int ExpectedReplies, string Description)
{
    /// <summary>Gets the (channel, transaction) key the replies carry.</summary>
    public (string ChannelId, string TxId) Key => (Message.ChannelId, Message.Txid);
}
