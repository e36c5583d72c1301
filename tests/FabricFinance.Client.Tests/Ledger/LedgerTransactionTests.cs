using FabricFinance.Client.Ledger;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Tests.Ledger;

public class LedgerTransactionTests
{
    [Test]
    public void Decode_EndorsedTransaction_HeadersEndorsersAndKeysPerNamespace()
    {
        // Arrange
        var envelope = TestBlocks.EndorserTransaction(
            "tx-9",
            creatorMspId: "ExchangeMSP",
            chaincodeName: "bills",
            endorserMspIds: ["ExchangeMSP", "BankAMSP", "BankAMSP"],
            readWriteSets:
            [
                TestBlocks.Keys("_lifecycle", reads: ["namespaces/fields/bills/Sequence"], writes: []),
                TestBlocks.Keys("bills", reads: ["bill-1", "bill-2"], writes: ["bill-1"], deletes: ["bill-2"], collections: ["terms"]),
            ]);
        var processed = new ProcessedTransaction { TransactionEnvelope = envelope, ValidationCode = (int)TxValidationCode.Valid };

        // Act
        var transaction = LedgerTransaction.Decode(processed);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(transaction.ProcessedTransaction, Is.SameAs(processed));
            Assert.That(transaction.TransactionId, Is.EqualTo("tx-9"));
            Assert.That(transaction.Type, Is.EqualTo(TransactionType.EndorserTransaction));
            Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.Valid));
            Assert.That(transaction.ChannelName, Is.EqualTo(TestBlocks.ChannelName));
            Assert.That(transaction.CreatorMspId, Is.EqualTo("ExchangeMSP"));
            Assert.That(transaction.ChaincodeName, Is.EqualTo("bills"));
            Assert.That(transaction.Timestamp, Is.EqualTo(TestBlocks.Time));
            Assert.That(transaction.EndorserMspIds, Is.EqualTo(new[] { "ExchangeMSP", "BankAMSP", "BankAMSP" }));
            Assert.That(transaction.ReadWriteSets.Select(s => s.Namespace), Is.EqualTo(new[] { "_lifecycle", "bills" }));
            Assert.That(transaction.ReadWriteSets[0].ReadKeys, Is.EqualTo(new[] { "namespaces/fields/bills/Sequence" }));
            Assert.That(transaction.ReadWriteSets[1].ReadKeys, Is.EqualTo(new[] { "bill-1", "bill-2" }));
            Assert.That(transaction.ReadWriteSets[1].WrittenKeys, Is.EqualTo(new[] { "bill-1" }));
            Assert.That(transaction.ReadWriteSets[1].DeletedKeys, Is.EqualTo(new[] { "bill-2" }));
            Assert.That(transaction.ReadWriteSets[1].Collections, Is.EqualTo(new[] { "terms" }));
        });
    }

    [Test]
    public void Decode_InvalidTransaction_KeepsItsValidationCode()
    {
        // Arrange
        var processed = new ProcessedTransaction
        {
            TransactionEnvelope = TestBlocks.EndorserTransaction("tx-late"),
            ValidationCode = (int)TxValidationCode.EndorsementPolicyFailure,
        };

        // Act
        var transaction = LedgerTransaction.Decode(processed);

        // Assert
        Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.EndorsementPolicyFailure));
    }

    [Test]
    public void Decode_ConfigTransaction_NoChaincodeEndorsersOrKeys()
    {
        // Arrange
        var processed = new ProcessedTransaction { TransactionEnvelope = TestBlocks.ConfigTransaction() };

        // Act
        var transaction = LedgerTransaction.Decode(processed);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(transaction.Type, Is.EqualTo(TransactionType.Config));
            Assert.That(transaction.ChaincodeName, Is.Null);
            Assert.That(transaction.EndorserMspIds, Is.Empty);
            Assert.That(transaction.ReadWriteSets, Is.Empty);
        });
    }

    [Test]
    public void Decode_NoEnvelope_ThrowsArgumentException()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => LedgerTransaction.Decode(new ProcessedTransaction()));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("processedTransaction"));
    }

    [Test]
    public void Decode_MalformedPayload_EmptyFieldsInsteadOfException()
    {
        // Arrange
        var processed = new ProcessedTransaction
        {
            TransactionEnvelope = new Envelope { Payload = Google.Protobuf.ByteString.CopyFrom(0xff, 0x01) },
            ValidationCode = (int)TxValidationCode.BadPayload,
        };

        // Act
        var transaction = LedgerTransaction.Decode(processed);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(transaction.TransactionId, Is.Empty);
            Assert.That(transaction.Type, Is.EqualTo(TransactionType.Unknown));
            Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.BadPayload));
        });
    }
}
