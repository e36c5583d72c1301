using System.Runtime.CompilerServices;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;
using DeliverService = Hyperledger.Fabric.Protos.Peer.Deliver;

namespace FabricFinance.Client.Internal;

/// <summary>
/// The one place that calls a peer's Deliver service (on the same channel as the Gateway service): it sends the signed
/// seek request, ends the stream on the peer's status message, turns the caller's cancellation or the gateway's disposal
/// into <see cref="OperationCanceledException"/>, and maps failures to <see cref="GatewayException"/> or
/// <see cref="BlockEventsException"/>.
/// </summary>
internal sealed class DeliverClient
{
    private readonly DeliverService.DeliverClient _client;
    private readonly ILogger _logger;

    public DeliverClient(CallInvoker callInvoker, ILogger logger, CancellationToken lifetime)
    {
        _client = new DeliverService.DeliverClient(callInvoker);
        _logger = logger;
        Lifetime = lifetime;
    }

    /// <summary>Gets the gateway's lifetime: cancelled when the gateway is disposed.</summary>
    public CancellationToken Lifetime { get; }

    /// <summary>
    /// Streams the block messages of one Deliver call until the caller stops, the peer sends a status, or the call fails.
    /// A <see cref="DeliverStatus.Success"/> status ends the sequence; any other status throws
    /// <see cref="BlockEventsException"/>.
    /// </summary>
    public async IAsyncEnumerable<DeliverResponse> DeliverAsync(
        DeliverKind kind,
        Envelope request,
        string subject,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Lifetime.IsCancellationRequested, typeof(Gateway));
        cancellationToken.ThrowIfCancellationRequested();

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Lifetime);
        EventsLog.DeliverStarted(_logger, kind, subject);
        var options = new CallOptions(cancellationToken: linked.Token);
        using var call = kind switch
        {
            DeliverKind.FilteredBlocks => _client.DeliverFiltered(options),
            DeliverKind.BlocksWithPrivateData => _client.DeliverWithPrivateData(options),
            _ => _client.Deliver(options),
        };

        try
        {
            await call.RequestStream.WriteAsync(request, linked.Token).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is RpcException or OperationCanceledException) && linked.IsCancellationRequested)
        {
            throw Cancelled(kind, subject, ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            throw Failed(kind, subject, ex);
        }
        catch (InvalidOperationException)
        {
            // The call is already over; its response stream tells how it ended.
        }

        while (true)
        {
            DeliverResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(linked.Token).ConfigureAwait(false))
                {
                    yield break;
                }

                response = call.ResponseStream.Current;
            }
            catch (Exception ex) when ((ex is RpcException or OperationCanceledException) && linked.IsCancellationRequested)
            {
                throw Cancelled(kind, subject, ex, cancellationToken);
            }
            catch (RpcException ex)
            {
                throw Failed(kind, subject, ex);
            }

            if (response.TypeCase == DeliverResponse.TypeOneofCase.Status)
            {
                EventsLog.DeliverStatusReceived(_logger, kind, subject, (int)response.Status);
                var status = (DeliverStatus)(int)response.Status;
                if (status == DeliverStatus.Success)
                {
                    yield break;
                }

                throw new BlockEventsException(
                    $"The peer ended the block event stream for {subject} with status {status} ({(int)status}).",
                    status,
                    innerException: null);
            }

            yield return response;
        }
    }

    private GatewayException Failed(DeliverKind kind, string subject, RpcException rpcException)
    {
        EventsLog.DeliverFailed(_logger, kind, subject, rpcException.StatusCode, rpcException.Status.Detail);
        var details = RpcErrors.ReadDetails(rpcException);
        var message = $"Block events request for {subject} failed: {rpcException.StatusCode}";
        if (!string.IsNullOrEmpty(rpcException.Status.Detail))
        {
            message += ", " + rpcException.Status.Detail;
        }

        foreach (var detail in details)
        {
            message += "; " + detail;
        }

        return new GatewayException(message, rpcException.StatusCode, details, rpcException);
    }

    private OperationCanceledException Cancelled(DeliverKind kind, string subject, Exception cause, CancellationToken cancellationToken)
    {
        EventsLog.DeliverCancelled(_logger, kind, subject);
        return cancellationToken.IsCancellationRequested
            ? new OperationCanceledException($"The block event stream for {subject} was cancelled.", cause, cancellationToken)
            : new OperationCanceledException($"The block event stream for {subject} was cancelled because the gateway was disposed.", cause, Lifetime);
    }
}
