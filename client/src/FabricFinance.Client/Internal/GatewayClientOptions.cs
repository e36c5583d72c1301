namespace FabricFinance.Client.Internal;

/// <summary>The per-call deadlines of a <see cref="GatewayClient"/>, copied from <see cref="GatewayOptions"/>.</summary>
internal sealed record GatewayClientOptions(
    TimeSpan? EvaluateTimeout,
    TimeSpan? EndorseTimeout,
    TimeSpan? SubmitTimeout,
    TimeSpan? CommitStatusTimeout);
