namespace FabricFinance.Client.Diagnostics;

/// <summary>
/// The names under which the client publishes traces and metrics through <c>System.Diagnostics</c>, for subscribing with
/// OpenTelemetry (<c>AddSource</c>, <c>AddMeter</c>) or with an <see cref="System.Diagnostics.ActivityListener"/> and a
/// <see cref="System.Diagnostics.Metrics.MeterListener"/>. The client itself depends on no telemetry SDK.
/// </summary>
/// <remarks>
/// <para>
/// Each Gateway service call (evaluate, endorse, submit, commit status) is one client <see cref="System.Diagnostics.Activity"/>
/// named after the gRPC method, for example <c>gateway.Gateway/Endorse</c>, with the tags listed here. While it runs the
/// activity is current, so the gRPC call's own HTTP activity becomes its child and carries the trace context to the peer.
/// </para>
/// <para>
/// Metrics are tagged with <see cref="OperationTag"/>, <see cref="ChannelTag"/>, <see cref="ChaincodeTag"/> (when known)
/// and <see cref="GrpcStatusCodeTag"/>; transaction identifiers are only on traces, to keep metric cardinality bounded.
/// </para>
/// </remarks>
public static class GatewayDiagnostics
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "FabricFinance.Client";

    /// <summary>
    /// The name of the client's <see cref="System.Diagnostics.Metrics.Meter"/>; it comes from
    /// <see cref="GatewayOptions.MeterFactory"/> when one is set.
    /// </summary>
    public const string MeterName = "FabricFinance.Client";

    /// <summary>Counter of Gateway service calls started (unit <c>{call}</c>).</summary>
    public const string RequestsInstrument = "fabric.gateway.client.requests";

    /// <summary>Counter of Gateway service calls that failed, timed out or were cancelled (unit <c>{call}</c>).</summary>
    public const string FailuresInstrument = "fabric.gateway.client.failures";

    /// <summary>Histogram of Gateway service call durations, in seconds.</summary>
    public const string DurationInstrument = "fabric.gateway.client.duration";

    /// <summary>
    /// Tag naming the call: <c>evaluate</c>, <c>endorse</c>, <c>submit</c> or <c>commit_status</c>.
    /// </summary>
    public const string OperationTag = "fabric.operation";

    /// <summary>Tag holding the channel name.</summary>
    public const string ChannelTag = "fabric.channel";

    /// <summary>Tag holding the chaincode name, when the client knows it (not for commit status requests signed offline).</summary>
    public const string ChaincodeTag = "fabric.chaincode";

    /// <summary>Tag (traces only) holding the transaction function's name, as sent: <c>contract:function</c> for a named contract.</summary>
    public const string TransactionNameTag = "fabric.transaction.name";

    /// <summary>Tag (traces only) holding the transaction identifier.</summary>
    public const string TransactionIdTag = "fabric.transaction.id";

    /// <summary>
    /// Tag (commit status traces only) holding the transaction's validation code, for example <c>Valid</c> or
    /// <c>MvccReadConflict</c>.
    /// </summary>
    public const string TransactionStatusTag = "fabric.transaction.status";

    /// <summary>Tag (commit status traces only) holding the number of the block that holds the transaction.</summary>
    public const string BlockNumberTag = "fabric.block.number";

    /// <summary>Tag holding the call's gRPC status code as a number: 0 (OK) on success, 4 for an expired deadline, 1 when cancelled.</summary>
    public const string GrpcStatusCodeTag = "rpc.grpc.status_code";
}
