using FabricFinance.Chaincode.Stub;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using RecordType = Hyperledger.Fabric.Protos.Peer.WriteRecord.Types.Type;

namespace FabricFinance.Chaincode.Tests.Stub;

[TestFixture]
public sealed class WriteBatchTests
{
    private static WriteRecord Put(string key, string value, string collection = "") =>
        new() { Type = RecordType.PutState, Key = key, Value = ByteString.CopyFromUtf8(value), Collection = collection };

    private static WriteRecord Metadata(string key, string metakey, string value) =>
        new() { Type = RecordType.PutStateMetadata, Key = key, Metadata = new StateMetadata { Metakey = metakey, Value = ByteString.CopyFromUtf8(value) } };

    [Test]
    public void Add_SameKeyTwice_LastWriteWinsInTheFirstWritesPlace()
    {
        // Arrange
        var batch = new WriteBatch();

        // Act
        batch.Add(Put("a", "1"));
        batch.Add(Put("b", "2"));
        batch.Add(new WriteRecord { Type = RecordType.DelState, Key = "a" });

        // Assert
        Assert.That(batch.Records.Select(r => (r.Type, r.Key)), Is.EqualTo(new[] { (RecordType.DelState, "a"), (RecordType.PutState, "b") }));
    }

    [Test]
    public void Add_SameKeyInOtherCollection_IsASeparateWrite()
    {
        // Arrange
        var batch = new WriteBatch();

        // Act
        batch.Add(Put("a", "public"));
        batch.Add(Put("a", "private", collection: "secrets"));

        // Assert
        Assert.That(batch.Count, Is.EqualTo(2));
    }

    [Test]
    public void Add_DataAndMetadataOfOneKey_AreSeparateWrites()
    {
        // Arrange
        var batch = new WriteBatch();

        // Act
        batch.Add(Put("a", "1"));
        batch.Add(Metadata("a", "VALIDATION_PARAMETER", "p1"));
        batch.Add(Metadata("a", "VALIDATION_PARAMETER", "p2"));

        // Assert
        Assert.That(batch.Count, Is.EqualTo(2));
        Assert.That(batch.Records[1].Metadata.Value.ToStringUtf8(), Is.EqualTo("p2"));
    }

    [Test]
    public void Add_PurgeAfterPut_ReplacesThePut()
    {
        // Arrange
        var batch = new WriteBatch();

        // Act
        batch.Add(Put("a", "1", collection: "secrets"));
        batch.Add(new WriteRecord { Type = RecordType.PurgePrivateData, Key = "a", Collection = "secrets" });

        // Assert
        Assert.That(batch.Records.Single().Type, Is.EqualTo(RecordType.PurgePrivateData));
    }
}
