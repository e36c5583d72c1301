namespace FabricFinance.Client.Internal;

/// <summary>The Gateway service's calls, each with its own error type.</summary>
internal enum GatewayOperation
{
    Evaluate,
    Endorse,
    Submit,
    CommitStatus,
    ChaincodeEvents,
}
