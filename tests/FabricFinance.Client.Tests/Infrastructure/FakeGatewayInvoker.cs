using System.Collections.Concurrent;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>
/// A hand-written test double of the gRPC transport: it records every Gateway service call and answers with the
/// canned behaviour set on its handler properties. By default it behaves like a healthy gateway peer.
/// </summary>
internal sealed class FakeGatewayInvoker : CallInvoker
{
    public FakeGatewayInvoker()
    {
        Evaluate = (request, _) => Task.FromResult(FabricResponses.Evaluated(ResultPayload));
        Endorse = (request, _) => Task.FromResult(FabricResponses.Endorsed(request, ResultPayload));
        Submit = (_, _) => Task.FromResult(new SubmitResponse());
        CommitStatus = (_, _) => Task.FromResult(FabricResponses.Committed(Hyperledger.Fabric.Protos.Peer.TxValidationCode.Valid, 7));
        ChaincodeEvents = (_, _) => new TestAsyncStreamReader<ChaincodeEventsResponse>();
    }

    /// <summary>Gets or sets the chaincode result the default handlers return.</summary>
    public byte[] ResultPayload { get; set; } = "result"u8.ToArray();

    public Func<EvaluateRequest, CallOptions, Task<EvaluateResponse>> Evaluate { get; set; }

    public Func<EndorseRequest, CallOptions, Task<EndorseResponse>> Endorse { get; set; }

    public Func<SubmitRequest, CallOptions, Task<SubmitResponse>> Submit { get; set; }

    public Func<SignedCommitStatusRequest, CallOptions, Task<CommitStatusResponse>> CommitStatus { get; set; }

    public Func<SignedChaincodeEventsRequest, CallOptions, IAsyncStreamReader<ChaincodeEventsResponse>> ChaincodeEvents { get; set; }

    /// <summary>Gets every call made, in order: the method name, the request and the call options.</summary>
    public ConcurrentQueue<(string Method, object Request, CallOptions Options)> Calls { get; } = new();

    public IReadOnlyList<T> RequestsOf<T>() => [.. Calls.Select(call => call.Request).OfType<T>()];

    public IReadOnlyList<string> MethodNames => [.. Calls.Select(call => call.Method)];

    public CallOptions OptionsOf(string method) => Calls.Last(call => call.Method == method).Options;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        string? host,
        CallOptions options,
        TRequest request)
    {
        Calls.Enqueue((method.Name, request!, options));
        Task<object> response = method.Name switch
        {
            "Evaluate" => Box(Evaluate((EvaluateRequest)(object)request!, options)),
            "Endorse" => Box(Endorse((EndorseRequest)(object)request!, options)),
            "Submit" => Box(Submit((SubmitRequest)(object)request!, options)),
            "CommitStatus" => Box(CommitStatus((SignedCommitStatusRequest)(object)request!, options)),
            _ => Task.FromException<object>(new RpcException(new Status(StatusCode.Unimplemented, method.FullName))),
        };
        var typed = Unbox<TResponse>(response);
        return new AsyncUnaryCall<TResponse>(
            typed,
            Task.FromResult(new Metadata()),
            () => StatusOf(typed),
            () => TrailersOf(typed),
            () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        string? host,
        CallOptions options,
        TRequest request)
    {
        Calls.Enqueue((method.Name, request!, options));
        if (method.Name != "ChaincodeEvents")
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
        }

        var reader = (IAsyncStreamReader<TResponse>)ChaincodeEvents((SignedChaincodeEventsRequest)(object)request!, options);
        return new AsyncServerStreamingCall<TResponse>(
            reader,
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => new Metadata(),
            () => (reader as IDisposable)?.Dispose());
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The client must not make blocking calls.");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    /// <summary>A response that never arrives: the call ends only when its cancellation token fires, like a real call.</summary>
    public static Task<T> UntilCancelled<T>(CallOptions options)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        options.CancellationToken.Register(() =>
            completion.TrySetException(new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."))));
        return completion.Task;
    }

    private static async Task<object> Box<T>(Task<T> task) => (await task.ConfigureAwait(false))!;

    private static async Task<T> Unbox<T>(Task<object> task) => (T)await task.ConfigureAwait(false);

    private static Status StatusOf(Task task) =>
        task.Exception?.InnerException is RpcException ex ? ex.Status : Status.DefaultSuccess;

    private static Metadata TrailersOf(Task task) =>
        task.Exception?.InnerException is RpcException ex ? ex.Trailers : new Metadata();
}
