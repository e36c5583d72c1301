using System.Collections.Concurrent;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using GatewayErrorDetail = Hyperledger.Fabric.Protos.Gateway.ErrorDetail;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;
using Metadata = Grpc.Core.Metadata;
using RpcStatus = Google.Rpc.Status;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// A test double of a Fabric 2.5 peer's Gateway service at the gRPC seam: it parses each proposal, asks
/// <see cref="Handler"/> how to answer, and answers the way a gateway does (chaincode refusals as per-peer
/// <c>ErrorDetail</c> messages "chaincode response 500, CODE: sentence"; commit status by transaction id; chaincode
/// events from <see cref="EventBlocks"/>, after which the stream ends).
/// </summary>
internal sealed class FakeGateway : CallInvoker
{
    private readonly ConcurrentDictionary<string, (TxValidationCode Code, ulong Block)> _commits = new();

    public Func<FakeProposal, FakeOutcome> Handler { get; set; } = _ => FakeOutcome.Json("{}");

    public ConcurrentQueue<FakeProposal> Proposals { get; } = new();

    public ConcurrentQueue<string> Methods { get; } = new();

    public List<ChaincodeEventsResponse> EventBlocks { get; } = [];

    public ConcurrentQueue<Hyperledger.Fabric.Protos.Gateway.ChaincodeEventsRequest> EventRequests { get; } = new();

    /// <summary>
    /// Gets or sets a value indicating whether the event stream stays open after <see cref="EventBlocks"/>, like a live
    /// peer, until cancelled.
    /// </summary>
    public bool HoldEventsOpen { get; set; }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Methods.Enqueue(method.Name);
        Task<object> response;
        try
        {
            response = Task.FromResult<object>(method.Name switch
            {
                "Evaluate" => Evaluate((EvaluateRequest)(object)request!),
                "Endorse" => Endorse((EndorseRequest)(object)request!),
                "Submit" => new SubmitResponse(),
                "CommitStatus" => CommitStatus((SignedCommitStatusRequest)(object)request!),
                _ => throw new RpcException(new Grpc.Core.Status(StatusCode.Unimplemented, method.FullName)),
            });
        }
        catch (RpcException ex)
        {
            response = Task.FromException<object>(ex);
        }

        var typed = Unbox<TResponse>(response);
        return new AsyncUnaryCall<TResponse>(
            typed,
            Task.FromResult(new Metadata()),
            () => typed.Exception?.InnerException is RpcException ex ? ex.Status : Grpc.Core.Status.DefaultSuccess,
            () => typed.Exception?.InnerException is RpcException ex ? ex.Trailers : [],
            () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Methods.Enqueue(method.Name);
        if (method.Name != "ChaincodeEvents")
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unimplemented, method.FullName));
        }

        var signed = (SignedChaincodeEventsRequest)(object)request!;
        EventRequests.Enqueue(Hyperledger.Fabric.Protos.Gateway.ChaincodeEventsRequest.Parser.ParseFrom(signed.Request));
        var reader = new ListStreamReader<TResponse>([.. EventBlocks.Cast<TResponse>()], HoldEventsOpen);
        return new AsyncServerStreamingCall<TResponse>(reader, Task.FromResult(new Metadata()), () => Grpc.Core.Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    /// <summary>Gets the proposals received for one function, in order.</summary>
    public IReadOnlyList<FakeProposal> ProposalsOf(string function) => [.. Proposals.Where(p => p.Function == function)];

    /// <summary>Adds a block of chaincode events to the stream.</summary>
    public void AddEvents(ulong blockNumber, params (string TxId, string Name, object Payload)[] events)
    {
        var response = new ChaincodeEventsResponse { BlockNumber = blockNumber };
        foreach (var (txId, name, payload) in events)
        {
            response.Events.Add(new ChaincodeEvent
            {
                ChaincodeId = "bills",
                TxId = txId,
                EventName = name,
                Payload = payload is string text ? ByteString.CopyFromUtf8(text) : ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), BillJson.Options)),
            });
        }

        EventBlocks.Add(response);
    }

    /// <summary>
    /// A gateway's failure for a refused chaincode call: one ErrorDetail per endorsing peer, in the rich status
    /// trailer.
    /// </summary>
    public static RpcException Refusal(StatusCode code, string message, string chaincodeMessage) =>
        Failure(code, message, ("peer0.banka.example.com:9051", "BankAMSP", "chaincode response 500, " + chaincodeMessage));

    public static RpcException Failure(StatusCode code, string message, params (string Address, string MspId, string Message)[] details)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        foreach (var (address, mspId, text) in details)
        {
            status.Details.Add(Any.Pack(new GatewayErrorDetail { Address = address, MspId = mspId, Message = text }));
        }

        return status.ToRpcException();
    }

    private static async Task<T> Unbox<T>(Task<object> task) => (T)await task.ConfigureAwait(false);

    private FakeOutcome Answer(FakeProposal proposal)
    {
        Proposals.Enqueue(proposal);
        var outcome = Handler(proposal);
        return outcome.Failure is { } failure ? throw failure : outcome;
    }

    private EvaluateResponse Evaluate(EvaluateRequest request)
    {
        var outcome = Answer(FakeProposal.Parse(request.ProposedTransaction, isEvaluate: true) with { TargetOrganizations = [.. request.TargetOrganizations] });
        if (outcome.ChaincodeError is { } error)
        {
            throw Failure(
                StatusCode.Unknown,
                "evaluate call to endorser returned error: chaincode response 500, " + error,
                ("peer0.banka.example.com:9051", "BankAMSP", "chaincode response 500, " + error));
        }

        return new EvaluateResponse { Result = new Response { Status = 200, Payload = ByteString.CopyFrom(outcome.Payload) } };
    }

    private EndorseResponse Endorse(EndorseRequest request)
    {
        var proposal = FakeProposal.Parse(request.ProposedTransaction, isEvaluate: false) with { TargetOrganizations = [.. request.EndorsingOrganizations] };
        var outcome = Answer(proposal);
        if (outcome.ChaincodeError is { } error)
        {
            throw Refusal(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info", error);
        }

        _commits[proposal.TransactionId] = (outcome.CommitCode, outcome.BlockNumber);
        var header = proposal.Header;
        var action = new ChaincodeAction { Response = new Response { Status = 200, Payload = ByteString.CopyFrom(outcome.Payload) } };
        var actionPayload = new ChaincodeActionPayload
        {
            ChaincodeProposalPayload = proposal.PayloadWithoutTransient,
            Action = new ChaincodeEndorsedAction
            {
                ProposalResponsePayload = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(new byte[32]), Extension = action.ToByteString() }.ToByteString(),
                Endorsements = { new Endorsement { Endorser = ByteString.CopyFromUtf8("peer0"), Signature = ByteString.CopyFromUtf8("signature") } },
            },
        };
        var transaction = new PeerTransaction { Actions = { new TransactionAction { Header = header.SignatureHeader, Payload = actionPayload.ToByteString() } } };
        var payload = new Payload { Header = header, Data = transaction.ToByteString() };
        return new EndorseResponse { PreparedTransaction = new Envelope { Payload = payload.ToByteString() } };
    }

    private CommitStatusResponse CommitStatus(SignedCommitStatusRequest request)
    {
        var transactionId = CommitStatusRequest.Parser.ParseFrom(request.Request).TransactionId;
        return _commits.TryGetValue(transactionId, out var commit)
            ? new CommitStatusResponse { Result = commit.Code, BlockNumber = commit.Block }
            : throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"transaction {transactionId} not found"));
    }

    /// <summary>A server stream over a fixed list that then ends normally.</summary>
    private sealed class ListStreamReader<T>(IReadOnlyList<T> items, bool holdOpen) : IAsyncStreamReader<T>
    {
        private int _index = -1;

        public T Current => items[_index];

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (++_index < items.Count)
            {
                return true;
            }

            if (holdOpen)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    throw new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "Call canceled by the client."));
                }
            }

            return false;
        }
    }
}
