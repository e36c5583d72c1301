using System.Diagnostics;
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

    public GatewayClient(CallInvoker callInvoker, GatewayClientOptions options, ILogger logger, CancellationToken lifetime)
    {
        _client = new GatewayService.GatewayClient(callInvoker);
        _options = options;
        _logger = logger;
        _lifetime = lifetime;
    }

    public Task<EvaluateResponse> EvaluateAsync(EvaluateRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Evaluate,
            request.TransactionId,
            request,
            static (client, r, options) => client.EvaluateAsync(r, options),
            _options.EvaluateTimeout,
            cancellationToken);

    public Task<EndorseResponse> EndorseAsync(EndorseRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Endorse,
            request.TransactionId,
            request,
            static (client, r, options) => client.EndorseAsync(r, options),
            _options.EndorseTimeout,
            cancellationToken);

    public Task<SubmitResponse> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.Submit,
            request.TransactionId,
            request,
            static (client, r, options) => client.SubmitAsync(r, options),
            _options.SubmitTimeout,
            cancellationToken);

    public Task<CommitStatusResponse> CommitStatusAsync(
        SignedCommitStatusRequest request,
        string transactionId,
        CancellationToken cancellationToken) =>
        UnaryAsync(
            GatewayOperation.CommitStatus,
            transactionId,
            request,
            static (client, r, options) => client.CommitStatusAsync(r, options),
            _options.CommitStatusTimeout,
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

    private async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GatewayOperation operation,
        string subject,
        TRequest request,
        Func<GatewayService.GatewayClient, TRequest, CallOptions, AsyncUnaryCall<TResponse>> invoke,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();

        Log.CallStarted(_logger, operation, subject);
        var started = Stopwatch.GetTimestamp();
        var options = new CallOptions(
            deadline: timeout is { } t ? DateTime.UtcNow.Add(t) : null,
            cancellationToken: cancellationToken);
        try
        {
            using var call = invoke(_client, request, options);
            var response = await call.ResponseAsync.ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.CallCompleted(_logger, operation, subject, elapsed.TotalMilliseconds);
            return response;
        }
        catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
        {
            Log.CallCancelled(_logger, operation, subject);
            throw Cancelled(operation, ex, cancellationToken);
        }
        catch (RpcException ex)
        {
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
