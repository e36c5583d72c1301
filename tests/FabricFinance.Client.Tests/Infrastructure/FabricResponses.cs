using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using GatewayErrorDetail = Hyperledger.Fabric.Protos.Gateway.ErrorDetail;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;
using RpcStatus = Google.Rpc.Status;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>Builds the messages a Fabric 2.5 gateway peer answers with.</summary>
internal static class FabricResponses
{
    public static EvaluateResponse Evaluated(byte[] payload) => new()
    {
        Result = new Response { Status = 200, Payload = ByteString.CopyFrom(payload) },
    };

    /// <summary>
    /// Builds the prepared transaction a gateway returns for an endorse request: the proposal's headers, and one action
    /// whose chaincode response carries <paramref name="result"/>.
    /// </summary>
    public static EndorseResponse Endorsed(EndorseRequest request, byte[] result)
    {
        var proposal = PeerProposal.Parser.ParseFrom(request.ProposedTransaction.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var chaincodeAction = new ChaincodeAction
        {
            Response = new Response { Status = 200, Payload = ByteString.CopyFrom(result) },
        };
        var actionPayload = new ChaincodeActionPayload
        {
            ChaincodeProposalPayload = proposal.Payload,
            Action = new ChaincodeEndorsedAction
            {
                ProposalResponsePayload = new ProposalResponsePayload
                {
                    ProposalHash = ByteString.CopyFrom(new byte[32]),
                    Extension = chaincodeAction.ToByteString(),
                }.ToByteString(),
                Endorsements = { new Endorsement { Endorser = ByteString.CopyFromUtf8("peer0"), Signature = ByteString.CopyFromUtf8("sig") } },
            },
        };
        var transaction = new PeerTransaction
        {
            Actions = { new TransactionAction { Header = header.SignatureHeader, Payload = actionPayload.ToByteString() } },
        };
        var payload = new Payload { Header = header, Data = transaction.ToByteString() };
        return new EndorseResponse { PreparedTransaction = new Envelope { Payload = payload.ToByteString() } };
    }

    public static CommitStatusResponse Committed(TxValidationCode code, ulong blockNumber) => new()
    {
        Result = code,
        BlockNumber = blockNumber,
    };

    public static ChaincodeEventsResponse Events(ulong blockNumber, params (string TxId, string Name, string Payload)[] events)
    {
        var response = new ChaincodeEventsResponse { BlockNumber = blockNumber };
        foreach (var (txId, name, payload) in events)
        {
            response.Events.Add(new Hyperledger.Fabric.Protos.Peer.ChaincodeEvent
            {
                ChaincodeId = "bills",
                TxId = txId,
                EventName = name,
                Payload = ByteString.CopyFromUtf8(payload),
            });
        }

        return response;
    }

    /// <summary>
    /// Builds the failure a gateway peer returns: a gRPC status whose <c>grpc-status-details-bin</c> trailer holds a
    /// google.rpc.Status with one <c>gateway.ErrorDetail</c> per peer.
    /// </summary>
    public static RpcException RpcFailure(StatusCode code, string message, params Errors.ErrorDetail[] details)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(new GatewayErrorDetail
            {
                Address = detail.Address,
                MspId = detail.MspId,
                Message = detail.Message,
            }));
        }

        return status.ToRpcException();
    }
}
