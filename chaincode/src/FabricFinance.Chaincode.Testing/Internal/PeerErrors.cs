using System.Text;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// Refusals worded as a Fabric 2.5 peer words them (<c>GET_STATE failed: transaction ID: …: reason</c>)
/// and wrapped as the shim wraps a peer's ERROR (<c>The peer refused GetState: …</c>), so that a chaincode
/// sees the same <see cref="ChaincodeException"/> message here as on a real peer.
/// </summary>
internal static class PeerErrors
{
    public static ChaincodeException Refused(string messageType, string transactionId, string reason) =>
        new($"The peer refused {PascalCase(messageType)}: {messageType} failed: transaction ID: {transactionId}: {reason}");

    public static string CollectionConfigNotDefined(string ns) =>
        $"collection config not defined for chaincode [{ns}], pass the collection configuration upon chaincode definition/instantiation";

    public static string CollectionNotDefined(string ns, string collection) =>
        $"collection [{collection}] not defined in the collection config for chaincode [{ns}]";

    public static string NoSuchCollection(string channel, string ns, string collection) =>
        $"collection {channel}/{ns}/{collection} could not be found";

    public static string NoReadAccess(string ns, string collection) =>
        $"tx creator does not have read access permission on privatedata in chaincodeName:{ns} collectionName: {collection}";

    public static string NoWriteAccess(string ns, string collection) =>
        $"tx creator does not have write access permission on privatedata in chaincodeName:{ns} collectionName: {collection}";

    public const string PrivateDataInInit = "private data APIs are not allowed in chaincode Init()";

    /// <summary>GET_STATE_BY_RANGE → GetStateByRange, the shim's name for the message type.</summary>
    private static string PascalCase(string messageType)
    {
        var name = new StringBuilder(messageType.Length);
        foreach (var word in messageType.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(word[0]).Append(word[1..].ToLowerInvariant());
        }

        return name.ToString();
    }
}
