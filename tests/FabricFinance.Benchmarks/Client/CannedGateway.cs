using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Benchmarks.Client;

/// <summary>
/// A gateway that answers every Evaluate at once with the same payload, in process: what is left of an evaluate is
/// the client's own work (building, signing and serializing the request, reading the answer).
/// </summary>
internal sealed class CannedGateway(byte[] payload) : CallInvoker
{
    private readonly EvaluateResponse _answer = new() { Result = new Response { Status = 200, Payload = ByteString.CopyFrom(payload) } };

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        if (method.Name != "Evaluate")
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
        }

        // The request crosses the wire in real life: serialize it as gRPC would.
        _ = ((IMessage)request!).ToByteArray();
        var response = Task.FromResult((TResponse)(object)_answer);
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), static () => Status.DefaultSuccess, static () => [], static () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}
