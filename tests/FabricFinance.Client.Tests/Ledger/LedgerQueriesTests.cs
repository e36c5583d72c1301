using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Events;
using FabricFinance.Client.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Tests.Ledger;

public class LedgerQueriesTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task GetChainInfoAsync_PeerAnswers_EvaluatesQsccAndMapsHeightAndHashes()
    {
        // Arrange
        using var test = new TestGateway();
        var info = new BlockchainInfo
        {
            Height = 15,
            CurrentBlockHash = ByteString.CopyFrom(7, 7),
            PreviousBlockHash = ByteString.CopyFrom(6, 6),
        };
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(info.ToByteArray()));

        // Act
        var chainInfo = await test.Network.GetLedger().GetChainInfoAsync().DefaultTimeout();

        // Assert
        var request = test.Invoker.RequestsOf<EvaluateRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(ChaincodeEventsRequestTests.InvokedChaincode(request), Is.EqualTo(("qscc", new[] { "GetChainInfo", TestGateway.ChannelName })));
            Assert.That(HeaderChaincode(request), Is.EqualTo("qscc"));
            Assert.That(request.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(test.IsValidSignature(request.ProposedTransaction.ProposalBytes, request.ProposedTransaction.Signature), Is.True);
            Assert.That(chainInfo.Height, Is.EqualTo(15UL));
            Assert.That(chainInfo.CurrentBlockHash.ToArray(), Is.EqualTo(new byte[] { 7, 7 }));
            Assert.That(chainInfo.PreviousBlockHash.ToArray(), Is.EqualTo(new byte[] { 6, 6 }));
            Assert.That(chainInfo.SnapshotLastBlock, Is.Null);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetChainInfoAsync_PeerJoinedFromSnapshot_ReportsLastSnapshotBlock()
    {
        // Arrange
        using var test = new TestGateway();
        var info = new BlockchainInfo { Height = 120, BootstrappingSnapshotInfo = new BootstrappingSnapshotInfo { LastBlockInSnapshot = 99 } };
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(info.ToByteArray()));

        // Act
        var chainInfo = await test.Network.GetLedger().GetChainInfoAsync().DefaultTimeout();

        // Assert
        Assert.That(chainInfo.SnapshotLastBlock, Is.EqualTo(99UL));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockByNumberAsync_Number_SendsDecimalNumberAndDecodesBlock()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(TestBlocks.Block(12345, "tx-1", "tx-2").ToByteArray()));

        // Act
        var block = await test.Network.GetLedger().GetBlockByNumberAsync(12345).DefaultTimeout();

        // Assert
        var (_, args) = ChaincodeEventsRequestTests.InvokedChaincode(test.Invoker.RequestsOf<EvaluateRequest>().Single());
        Assert.Multiple(() =>
        {
            Assert.That(args, Is.EqualTo(new[] { "GetBlockByNumber", TestGateway.ChannelName, "12345" }));
            Assert.That(block.Number, Is.EqualTo(12345UL));
            Assert.That(block.Transactions.Select(t => t.TransactionId), Is.EqualTo(new[] { "tx-1", "tx-2" }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockByTransactionIdAsync_TransactionId_SendsItAndDecodesBlock()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(TestBlocks.Block(4, "tx-4").ToByteArray()));

        // Act
        var block = await test.Network.GetLedger().GetBlockByTransactionIdAsync("tx-4").DefaultTimeout();

        // Assert
        var (_, args) = ChaincodeEventsRequestTests.InvokedChaincode(test.Invoker.RequestsOf<EvaluateRequest>().Single());
        Assert.Multiple(() =>
        {
            Assert.That(args, Is.EqualTo(new[] { "GetBlockByTxID", TestGateway.ChannelName, "tx-4" }));
            Assert.That(block.Number, Is.EqualTo(4UL));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockByHashAsync_Hash_SendsRawHashBytes()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(TestBlocks.Block(8, "tx-8").ToByteArray()));
        byte[] hash = [0x00, 0xff, 0x10, 0x80];

        // Act
        var block = await test.Network.GetLedger().GetBlockByHashAsync(hash).DefaultTimeout();

        // Assert
        var proposal = PeerProposal.Parser.ParseFrom(test.Invoker.RequestsOf<EvaluateRequest>().Single().ProposedTransaction.ProposalBytes);
        var input = ChaincodeInvocationSpec.Parser.ParseFrom(ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload).Input).ChaincodeSpec.Input;
        Assert.Multiple(() =>
        {
            Assert.That(input.Args[0].ToStringUtf8(), Is.EqualTo("GetBlockByHash"));
            Assert.That(input.Args[2].ToByteArray(), Is.EqualTo(hash));
            Assert.That(block.Number, Is.EqualTo(8UL));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetTransactionByIdAsync_TransactionId_SendsItAndDecodesProcessedTransaction()
    {
        // Arrange
        using var test = new TestGateway();
        var processed = new ProcessedTransaction
        {
            TransactionEnvelope = TestBlocks.EndorserTransaction("tx-77", endorserMspIds: ["Org1MSP", "Org2MSP"], readWriteSets: [TestBlocks.Keys("bills", ["k1"], ["k2"])]),
            ValidationCode = (int)TxValidationCode.Valid,
        };
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(processed.ToByteArray()));

        // Act
        var transaction = await test.Network.GetLedger().GetTransactionByIdAsync("tx-77").DefaultTimeout();

        // Assert
        var (_, args) = ChaincodeEventsRequestTests.InvokedChaincode(test.Invoker.RequestsOf<EvaluateRequest>().Single());
        Assert.Multiple(() =>
        {
            Assert.That(args, Is.EqualTo(new[] { "GetTransactionByID", TestGateway.ChannelName, "tx-77" }));
            Assert.That(transaction.TransactionId, Is.EqualTo("tx-77"));
            Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.Valid));
            Assert.That(transaction.EndorserMspIds, Is.EqualTo(new[] { "Org1MSP", "Org2MSP" }));
            Assert.That(transaction.ReadWriteSets.Single().WrittenKeys, Is.EqualTo(new[] { "k2" }));
        });
    }

    [Test]
    public void GetBlockByNumberAsync_QueryFails_TransactionExceptionWithPeerDetails()
    {
        // Arrange
        using var test = new TestGateway();
        var detail = new Errors.ErrorDetail("peer0.org1.example.com:7051", "Org1MSP", "Failed to get block number 999, error Entry not found in index");
        test.Invoker.Evaluate = (_, _) => Task.FromException<EvaluateResponse>(FabricResponses.RpcFailure(StatusCode.Unknown, "evaluate call to endorser returned error", detail));

        // Act
        var ex = Assert.ThrowsAsync<TransactionException>(async () => await test.Network.GetLedger().GetBlockByNumberAsync(999).DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Details, Is.EqualTo(new[] { detail }));
            Assert.That(ex.Message, Does.Contain("Entry not found"));
        });
    }

    [Test]
    public void GetChainInfoAsync_AnswerNotBlockchainInfo_ThrowsFormatException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated([0xff, 0xff, 0xff]));

        // Act
        var ex = Assert.ThrowsAsync<FormatException>(async () => await test.Network.GetLedger().GetChainInfoAsync().DefaultTimeout());

        // Assert
        Assert.That(ex!.Message, Does.Contain("GetChainInfo").And.Contain("common.BlockchainInfo"));
    }

    [Test]
    public void GetBlockByNumberAsync_AnswerWithoutHeader_ThrowsFormatException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated([]));

        // Act and Assert
        Assert.ThrowsAsync<FormatException>(async () => await test.Network.GetLedger().GetBlockByNumberAsync(1).DefaultTimeout());
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void GetTransactionByIdAsync_MissingTransactionId_ThrowsArgumentExceptionBeforeAnyCall(string? transactionId)
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.CatchAsync<ArgumentException>(async () => await test.Network.GetLedger().GetTransactionByIdAsync(transactionId!));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("transactionId"));
            Assert.That(test.Invoker.Calls, Is.Empty);
        });
    }

    [Test]
    public void GetBlockByHashAsync_EmptyHash_ThrowsArgumentException()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Network.GetLedger().GetBlockByHashAsync(ReadOnlyMemory<byte>.Empty));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("blockHash"));
    }

    [Test]
    public void GetLedger_Network_QueriesThatChannel()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ledger = test.Gateway.GetNetwork("other").GetLedger();

        // Assert
        Assert.That(ledger.ChannelName, Is.EqualTo("other"));
    }

    private static string HeaderChaincode(EvaluateRequest request)
    {
        var proposal = PeerProposal.Parser.ParseFrom(request.ProposedTransaction.ProposalBytes);
        var channelHeader = ChannelHeader.Parser.ParseFrom(Header.Parser.ParseFrom(proposal.Header).ChannelHeader);
        return ChaincodeHeaderExtension.Parser.ParseFrom(channelHeader.Extension).ChaincodeId.Name;
    }
}
