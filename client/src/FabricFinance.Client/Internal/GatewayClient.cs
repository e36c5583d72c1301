using System.Runtime.CompilerServices;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Microsoft.Extensions.Logging;
using GatewayService = Hyperledger.Fabric.Protos.Gateway.Gateway;

namespace FabricFinance.Client.Internal;

/// <summary>
/// The one place that calls the Gateway service: it applies the default deadlines, logs each call, turns the
/// caller's cancellation into <see cref="OperationCanceledException"/> and maps every other failure to the
/// operation's exception type.
/// </summary>
internal sealed class GatewayClient
{
    private readonly GatewayService.GatewayClient _client;
    private readonly GatewayClientOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _lifetime;
    private readonly GatewayInstrumentation _instrumentation;

    public GatewayClient(
        CallInvoker callInvoker,
        GatewayClientOptions options,
        ILogger logger,
        GatewayInstrumentation instrumentation,
        CancellationToken lifetime)
    {
        _client = new GatewayService.GatewayClient(callInvoker);
        _options = options;
        _logger = logger;
        _lifetime = lifetime;
        _instrumentation = instrumentation;
        Deliver = new DeliverClient(callInvoker, logger, lifetime);
    }

    /// <summary>Gets the client of the peer's Deliver service (block events), on the same channel and with the same lifetime.</summary>
    public DeliverClient Deliver { get; }

    public Task<EvaluateResponse> EvaluateAsync(
        EvaluateRequest request,
        TransactionDescriptor transaction,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Evaluate,
            transaction,
            request,
            static (client, r, options) => client.EvaluateAsync(r, options),
            Resolve(timeout, _options.EvaluateTimeout),
            onResponse: null,
            cancellationToken);

    public Task<EndorseResponse> EndorseAsync(
        EndorseRequest request,
        TransactionDescriptor transaction,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Endorse,
            transaction,
            request,
            static (client, r, options) => client.EndorseAsync(r, options),
            Resolve(timeout, _options.EndorseTimeout),
            onResponse: null,
            cancellationToken);

    public Task<SubmitResponse> SubmitAsync(
        SubmitRequest request,
        TransactionDescriptor transaction,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Submit,
            transaction,
            request,
            static (client, r, options) => client.SubmitAsync(r, options),
            Resolve(timeout, _options.SubmitTimeout),
            onResponse: null,
            cancellationToken);

    public Task<CommitStatusResponse> CommitStatusAsync(
        SignedCommitStatusRequest request,
        TransactionDescriptor transaction,
        TimeSpan? timeout,
        CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.CommitStatus,
            transaction,
            request,
            static (client, r, options) => client.CommitStatusAsync(r, options),
            Resolve(timeout, _options.CommitStatusTimeout),
            onResponse: static (scope, response) =>
                scope.SetCommitStatus((TransactionValidationCode)(int)response.Result, response.BlockNumber),
            cancellationToken);

    /// <summary>
    /// Streams chaincode event responses until the caller stops enumerating, cancels, or the gateway is disposed.
    /// Stream failures are thrown to the caller, never swallowed.
    /// </summary>
    public async IAsyncEnumerable<ChaincodeEventsResponse> ChaincodeEventsAsync(
        SignedChaincodeEventsRequest request,
        string subject,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime);
        Log.CallStarted(_logger, GatewayOperation.ChaincodeEvents, subject);
        using var call = _client.ChaincodeEvents(request, new CallOptions(cancellationToken: linked.Token));
        while (true)
        {
            ChaincodeEventsResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(linked.Token).ConfigureAwait(false))
                {
                    Log.CallCompleted(_logger, GatewayOperation.ChaincodeEvents, subject, 0);
                    yield break;
                }

                response = call.ResponseStream.Current;
            }
            catch (Exception ex) when ((ex is RpcException or OperationCanceledException) && linked.IsCancellationRequested)
            {
                Log.CallCancelled(_logger, GatewayOperation.ChaincodeEvents, subject);
                throw Cancelled(GatewayOperation.ChaincodeEvents, ex, cancellationToken);
            }
            catch (RpcException ex)
            {
                Log.CallFailed(_logger, GatewayOperation.ChaincodeEvents, subject, ex.StatusCode, ex.Status.Detail);
                throw RpcErrors.ToException(GatewayOperation.ChaincodeEvents, subject, ex);
            }

            yield return response;
        }
    }

    /// <summary>
    /// The timeout of one call: the per-call override when there is one (<see cref="Timeout.InfiniteTimeSpan"/> meaning
    /// none), else the gateway's default.
    /// </summary>
    private static TimeSpan? Resolve(TimeSpan? timeout, TimeSpan? gatewayDefault) => timeout switch
    {
        null => gatewayDefault,
        { } value when value == Timeout.InfiniteTimeSpan => null,
        { } value => value,
    };

    private async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GatewayOperation operation,
        TransactionDescriptor transaction,
        TRequest request,
        Func<GatewayService.GatewayClient, TRequest, CallOptions, AsyncUnaryCall<TResponse>> invoke,
        TimeSpan? timeout,
        Action<GatewayInstrumentation.CallScope, TResponse>? onResponse,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        var subject = transaction.TransactionId;
        Log.UnaryCallStarted(_logger, operation, subject, timeout?.TotalSeconds);
        using var scope = _instrumentation.Start(operation, transaction);
        var options = new CallOptions(
            deadline: timeout is { } t ? DateTime.UtcNow.Add(t) : null,
            cancellationToken: cancellationToken);
        try
        {
            using var call = invoke(_client, request, options);
            var response = await call.ResponseAsync.ConfigureAwait(false);
            onResponse?.Invoke(scope, response);
            scope.Succeeded();
            Log.CallCompleted(_logger, operation, subject, scope.Elapsed.TotalMilliseconds);
            return response;
        }
        catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
        {
            scope.Cancelled();
            Log.CallCancelled(_logger, operation, subject);
            throw Cancelled(operation, ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            scope.Failed(ex.StatusCode, ex.Status.Detail);
            Log.CallFailed(_logger, operation, subject, ex.StatusCode, ex.Status.Detail);
            throw RpcErrors.ToException(operation, subject, ex);
        }
    }

    private OperationCanceledException Cancelled(GatewayOperation operation, Exception cause, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException($"The {operation} call was cancelled.", cause, cancellationToken);
        }

        return new OperationCanceledException($"The {operation} call was cancelled because the gateway was disposed.", cause, _lifetime);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_lifetime.IsCancellationRequested, typeof(Gateway));
}
