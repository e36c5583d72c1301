using FabricFinance.Bills;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.Tests.Infrastructure;
using static FabricFinance.Monitor.Tests.Infrastructure.MarketScenario;

namespace FabricFinance.Monitor.Tests.Ledger;

public sealed class BlockDecoderTests
{
    private static readonly IReadOnlyList<Hyperledger.Fabric.Protos.Peer.BlockAndPrivateData> Scenario = Blocks();

    private readonly BlockDecoder _decoder = new("bills");

    [Test]
    public void Decode_ValidTransaction_ReadsPositionCreatorFunctionEventAndWrites()
    {
        // Arrange
        var block = Scenario[3];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Number, Is.EqualTo(3));
        Assert.That(decoded.Transactions, Has.Count.EqualTo(1));
        var tx = decoded.Transactions[0];
        Assert.Multiple(() =>
        {
            Assert.That(tx.BlockNumber, Is.EqualTo(3));
            Assert.That(tx.TransactionIndex, Is.EqualTo(0));
            Assert.That(tx.TransactionId, Is.EqualTo("tx-issue"));
            Assert.That(tx.Timestamp, Is.EqualTo(Start.AddMinutes(3)));
            Assert.That(tx.CreatorMspId, Is.EqualTo(BankA));
            Assert.That(tx.CreatorSubject, Is.EqualTo(CoreCorpUser.Subject).And.Contains("CN=User3@banka.example.com"));
            Assert.That(tx.ValidationCode, Is.EqualTo("Valid"));
            Assert.That(tx.IsValid, Is.True);
            Assert.That(tx.ChaincodeName, Is.EqualTo("bills"));
            Assert.That(tx.Function, Is.EqualTo("IssueBill"));
            Assert.That(tx.EventName, Is.EqualTo(BillEvents.BillIssued));
            Assert.That(tx.EventPayload, Is.EqualTo("{}"u8.ToArray()));
            Assert.That(tx.Writes.Select(w => w.Key), Is.EqualTo(new[] { Key("bill", "B1"), Key("bill~holder", "SupplierA", "B1") }));
            Assert.That(BillJson.Deserialize<Bill>(tx.Writes[0].Value), Is.Not.Null.And.Property(nameof(Bill.Id)).EqualTo("B1"));
            Assert.That(tx.Writes.All(w => w.Collection is null), Is.True);
        });
    }

    [Test]
    public void Decode_ContractPrefixedFunction_StripsTheContractName()
    {
        // Arrange
        var block = Scenario[1];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Transactions.Single().Function, Is.EqualTo("InitLedger"));
    }

    [Test]
    public void Decode_InvalidTransaction_NamesItsValidationCodeAndKeepsItsWriteSet()
    {
        // Arrange
        var block = Scenario[6];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Transactions, Has.Count.EqualTo(2));
        var invalid = decoded.Transactions[1];
        Assert.Multiple(() =>
        {
            Assert.That(invalid.TransactionIndex, Is.EqualTo(1));
            Assert.That(invalid.ValidationCode, Is.EqualTo("MvccReadConflict"));
            Assert.That(invalid.IsValid, Is.False);
            Assert.That(invalid.CreatorMspId, Is.EqualTo(BankB));
            Assert.That(invalid.Writes.Select(w => w.Key), Is.EqualTo(new[] { Key("deal", "D2"), Key("bill", "B1-1") }));
        });
    }

    [Test]
    public void Decode_SplitNextToAnotherChaincode_KeepsEveryBillWriteAndSkipsTheOtherChaincode()
    {
        // Arrange
        var block = Scenario[5];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Transactions, Has.Count.EqualTo(1), "the assets transaction is not the bill chaincode's");
        Assert.That(
            decoded.Transactions[0].Writes.Select(w => StateKey.Parse(w.Key).Attributes[0]),
            Is.EqualTo(new[] { "B1", "B1-1", "B1-2" }));
    }

    [Test]
    public void Decode_DealWithPrivateTerms_AddsTheCollectionWrites()
    {
        // Arrange
        var block = Scenario[6];

        // Act
        var request = _decoder.Decode(block).Transactions[0];

        // Assert
        var terms = request.Writes.Where(w => w.Collection is not null).ToList();
        Assert.That(terms, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(terms[0].Collection, Is.EqualTo(TermsCollection));
            Assert.That(terms[0].Key, Is.EqualTo("D1"));
            Assert.That(BillJson.Deserialize<DealTerms>(terms[0].Value).RateBps, Is.EqualTo(250));
        });
    }

    [Test]
    public void Decode_SameBlockWithoutPrivateData_HasOnlyThePublicWrites()
    {
        // Arrange
        var block = Scenario[6].Block;

        // Act
        var request = _decoder.Decode(block).Transactions[0];

        // Assert
        Assert.That(request.Writes.All(w => w.Collection is null), Is.True);
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(7)]
    public void Decode_Block_CarriesItsPreviousHashAndItsOwnHeaderHash(int number)
    {
        // Arrange
        var block = Scenario[number];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decoded.PreviousHash.ToArray(), Is.EqualTo(block.Block.Header.PreviousHash.ToByteArray()));
            Assert.That(decoded.PreviousHash.ToArray(), Is.EqualTo(number == 0 ? [] : SyntheticBlocks.HeaderHash((ulong)number - 1)));
            Assert.That(decoded.HeaderHash.ToArray(), Is.EqualTo(SyntheticBlocks.HeaderHash((ulong)number)));
            Assert.That(decoded.HeaderHash.ToArray(), Is.EqualTo(Scenario[number + 1].Block.Header.PreviousHash.ToByteArray()), "the next block links to it");
        });
    }

    [TestCase(0)]
    [TestCase(8)]
    public void Decode_ConfigBlock_HasNoTransactionsButKeepsItsNumber(int number)
    {
        // Arrange
        var block = Scenario[number];

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Number, Is.EqualTo(number));
        Assert.That(decoded.Transactions, Is.Empty);
    }

    [Test]
    public void Decode_OtherChaincodeConfigured_KeepsOnlyThatChaincode()
    {
        // Arrange
        var decoder = new BlockDecoder("assets");

        // Act
        var decoded = decoder.Decode(Scenario[5]);

        // Assert
        Assert.That(decoded.Transactions.Select(t => t.TransactionId), Is.EqualTo(new[] { "tx-asset" }));
        Assert.That(decoded.Transactions[0].Writes.Single().Key, Is.EqualTo("a1"));
    }

    [Test]
    public void Decode_EnvelopeThatIsNotAProtobufMessage_IsSkipped()
    {
        // Arrange
        var block = Scenario[3].Block.Clone();
        block.Data.Data.Add(Google.Protobuf.ByteString.CopyFrom(0xFF, 0xFF, 0xFF));

        // Act
        var decoded = _decoder.Decode(block);

        // Assert
        Assert.That(decoded.Transactions.Select(t => t.TransactionId), Is.EqualTo(new[] { "tx-issue" }));
    }

    [TestCase("\u0000bill\u0000B1\u0000", "bill", new[] { "B1" })]
    [TestCase("\u0000bill~holder\u0000SupplierA\u0000B1\u0000", "bill~holder", new[] { "SupplierA", "B1" })]
    [TestCase("D1", "", new[] { "D1" })]
    public void Parse_Key_SplitsCompositeKeys(string key, string objectType, string[] attributes)
    {
        // Act
        var parsed = StateKey.Parse(key);

        // Assert
        Assert.That(parsed.ObjectType, Is.EqualTo(objectType));
        Assert.That(parsed.Attributes, Is.EqualTo(attributes));
    }

    [TestCase("bills:IssueBill", "IssueBill")]
    [TestCase("IssueBill", "IssueBill")]
    [TestCase("org.hyperledger.fabric:GetMetadata", "GetMetadata")]
    public void FunctionName_WithOrWithoutContract_IsTheTransactionName(string name, string expected)
    {
        // Act
        var function = BlockDecoder.FunctionName(name);

        // Assert
        Assert.That(function, Is.EqualTo(expected));
    }
}
