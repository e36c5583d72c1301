namespace FabricFinance.Client.Errors;

/// <summary>
/// What one Fabric node (usually an endorsing peer) reported about a failed gateway call; the gateway peer
/// attaches one per node it contacted.
/// </summary>
/// <param name="Address">The node's network address, for example <c>peer0.org1.example.com:7051</c>.</param>
/// <param name="MspId">The MSP identifier of the node's organization.</param>
/// <param name="Message">
/// The node's error message. For a chaincode failure it holds the chaincode's own error text, for example
/// <c>chaincode response 500, bill 42 does not exist</c>.
/// </param>
public sealed record ErrorDetail(string Address, string MspId, string Message)
{
    /// <summary>Formats the detail as <c>address (mspId): message</c>.</summary>
    /// <returns>The formatted detail.</returns>
    public override string ToString() => $"{Address} ({MspId}): {Message}";
}
