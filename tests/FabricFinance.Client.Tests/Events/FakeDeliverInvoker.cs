using System.Collections.Concurrent;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using Envelope = Hyperledger.Fabric.Protos.Common.Envelope;

namespace FabricFinance.Client.Tests.Events;

/// <summary>
/// A test double of the gRPC transport for a gateway peer with its Deliver service: Deliver calls are recorded and
/// answered by <see cref="OnDeliver"/>; every Gateway service call goes to the wrapped <see cref="FakeGatewayInvoker"/>.
/// </summary>
internal sealed class FakeDeliverInvoker(FakeGatewayInvoker gateway) : CallInvoker
{
    public FakeGatewayInvoker Gateway { get; } = gateway;

    /// <summary>Gets or sets the stream each Deliver call answers with; by default one that waits until cancelled.</summary>
    public Func<DeliverCall, IAsyncStreamReader<DeliverResponse>> OnDeliver { get; set; } = _ => new TestAsyncStreamReader<DeliverResponse>();

    /// <summary>Gets every Deliver call made, in order.</summary>
    public ConcurrentQueue<DeliverCall> DeliverCalls { get; } = new();

    /// <summary>Answers the Deliver calls, in order, with the given streams (and later calls with streams that wait).</summary>
    public void AnswerDeliverWith(params IAsyncStreamReader<DeliverResponse>[] streams)
    {
        var queue = new ConcurrentQueue<IAsyncStreamReader<DeliverResponse>>(streams);
        OnDeliver = _ => queue.TryDequeue(out var stream) ? stream : new TestAsyncStreamReader<DeliverResponse>();
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        string? host,
        CallOptions options)
    {
        if (method.ServiceName != "protos.Deliver" || typeof(TRequest) != typeof(Envelope) || typeof(TResponse) != typeof(DeliverResponse))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
        }

        var call = new DeliverCall(method.Name, options);
        DeliverCalls.Enqueue(call);
        var reader = OnDeliver(call);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            (IClientStreamWriter<TRequest>)(object)call,
            (IAsyncStreamReader<TResponse>)reader,
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => new Metadata(),
            () => (reader as IDisposable)?.Dispose());
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Gateway.AsyncUnaryCall(method, host, options, request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Gateway.AsyncServerStreamingCall(method, host, options, request);

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The client must not make blocking calls.");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    /// <summary>One Deliver call: its method, options, the envelopes the client wrote and whether it closed its side.</summary>
    internal sealed class DeliverCall(string method, CallOptions options) : IClientStreamWriter<Envelope>
    {
        private readonly ConcurrentQueue<Envelope> _requests = new();

        public string Method { get; } = method;

        public CallOptions Options { get; } = options;

        public IReadOnlyList<Envelope> Requests => [.. _requests];

        public bool RequestStreamCompleted { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(Envelope message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(Envelope message, CancellationToken cancellationToken)
        {
            if (RequestStreamCompleted)
            {
                throw new InvalidOperationException("The request stream is complete.");
            }

            _requests.Enqueue(message);
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            RequestStreamCompleted = true;
            return Task.CompletedTask;
        }
    }
}
