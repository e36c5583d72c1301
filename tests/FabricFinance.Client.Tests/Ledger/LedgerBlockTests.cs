using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Tests.Ledger;

public class LedgerBlockTests
{
    [Test]
    public void Decode_BlockOfTransactions_SummarizesHeaderAndEachTransaction()
    {
        // Arrange
        var block = TestBlocks.Block(
            7,
            [
                TestBlocks.EndorserTransaction("tx-a", creatorMspId: "Org1MSP", chaincodeName: "bills").ToByteString(),
                TestBlocks.EndorserTransaction("tx-b", creatorMspId: "Org2MSP", chaincodeName: "assets").ToByteString(),
                TestBlocks.ConfigTransaction().ToByteString(),
            ],
            [TxValidationCode.Valid, TxValidationCode.MvccReadConflict, TxValidationCode.Valid]);

        // Act
        var decoded = LedgerBlock.Decode(block);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Block, Is.SameAs(block));
            Assert.That(decoded.Number, Is.EqualTo(7UL));
            Assert.That(decoded.PreviousHash.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(decoded.DataHash.ToArray(), Is.EqualTo(new byte[] { 4, 5, 6 }));
            Assert.That(decoded.Transactions, Is.EqualTo(new[]
            {
                new BlockTransaction(0, "tx-a", TransactionType.EndorserTransaction, TransactionValidationCode.Valid, "Org1MSP", "bills", TestBlocks.Time),
                new BlockTransaction(1, "tx-b", TransactionType.EndorserTransaction, TransactionValidationCode.MvccReadConflict, "Org2MSP", "assets", TestBlocks.Time),
                new BlockTransaction(2, string.Empty, TransactionType.Config, TransactionValidationCode.Valid, "OrdererMSP", null, TestBlocks.Time),
            }));
        });
    }

    [Test]
    public void Decode_UnreadableEnvelope_KeptAsUnknownTransaction()
    {
        // Arrange
        var block = TestBlocks.Block(
            2,
            [ByteString.CopyFrom(0xff, 0xff, 0xff), TestBlocks.EndorserTransaction("tx-ok").ToByteString()],
            [TxValidationCode.BadPayload, TxValidationCode.Valid]);

        // Act
        var decoded = LedgerBlock.Decode(block);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Transactions, Has.Count.EqualTo(2));
            Assert.That(decoded.Transactions[0], Is.EqualTo(new BlockTransaction(0, string.Empty, TransactionType.Unknown, TransactionValidationCode.BadPayload, null, null, null)));
            Assert.That(decoded.Transactions[1].TransactionId, Is.EqualTo("tx-ok"));
        });
    }

    [Test]
    public void Decode_NoTransactionsFilter_TransactionsNotValidated()
    {
        // Arrange: a block as the orderer cut it, before a peer validated it.
        var block = TestBlocks.Block(3, [TestBlocks.EndorserTransaction("tx-new").ToByteString()], codes: null);
        block.Metadata = new BlockMetadata();

        // Act
        var decoded = LedgerBlock.Decode(block);

        // Assert
        Assert.That(decoded.Transactions.Single().ValidationCode, Is.EqualTo(TransactionValidationCode.NotValidated));
    }

    [Test]
    public void Decode_EmptyBlock_NoTransactions()
    {
        // Arrange
        var block = new Block { Header = new BlockHeader { Number = 0 } };

        // Act
        var decoded = LedgerBlock.Decode(block);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Transactions, Is.Empty);
            Assert.That(decoded.PreviousHash.IsEmpty, Is.True);
        });
    }

    [Test]
    public void Decode_Null_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => LedgerBlock.Decode(null!));
    }

    [Test]
    public void Decode_NoHeader_ThrowsArgumentExceptionNamingBlock()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => LedgerBlock.Decode(new Block()));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("block"));
    }
}
