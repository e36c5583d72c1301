using System.Security.Cryptography;
using FabricFinance.Chaincode.Testing.Tests.Infrastructure;
using static FabricFinance.Chaincode.Testing.Tests.Infrastructure.Ledgers;

namespace FabricFinance.Chaincode.Testing.Tests;

[TestFixture]
public sealed class InMemoryStubPrivateDataTests
{
    private static (InMemoryLedger Ledger, DeployedChaincode Chaincode) Setup(bool memberOnly = true)
    {
        var ledger = new InMemoryLedger();
        var deployment = new ChaincodeDeployment();
        deployment.Collections.Add(new CollectionDefinition("org1", "Org1MSP") { MemberOnlyRead = memberOnly, MemberOnlyWrite = memberOnly });
        var chaincode = ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())), deployment);
        return (ledger, chaincode);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PutPrivateDataAsync_Committed_ValueAndSha256HashReadable()
    {
        // Arrange
        var (ledger, cc) = Setup();
        byte[]? value = null, hash = null, own = null;

        // Act
        await ledger.RunAsync(async s =>
        {
            await s.PutPrivateDataAsync("org1", "k", Bytes("secret"));
            own = await s.GetPrivateDataAsync("org1", "k");
        });
        await ledger.RunAsync(async s =>
        {
            value = await s.GetPrivateDataAsync("org1", "k");
            hash = await s.GetPrivateDataHashAsync("org1", "k");
        });

        // Assert
        Assert.That(own, Is.Null, "no read-your-writes for private data either");
        Assert.That(Text(value), Is.EqualTo("secret"));
        Assert.That(hash, Is.EqualTo(SHA256.HashData(Bytes("secret"))));
        Assert.That(cc.GetPrivateDataHash("org1", "k"), Is.EqualTo(hash));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PrivateData_NonMemberClient_RefusedWithPeerTextButHashReadable()
    {
        // Arrange
        var (ledger, cc) = Setup();
        cc.PutPrivateData("org1", "k", Bytes("secret"));
        var transaction = ledger.NewTransaction("cc", Bob, "fn", []);

        // Act
        var read = Assert.CatchAsync(() => transaction.Stub.GetPrivateDataAsync("org1", "k"));
        var write = Assert.CatchAsync(() => transaction.Stub.PutPrivateDataAsync("org1", "k", Bytes("x")));
        var hash = await transaction.Stub.GetPrivateDataHashAsync("org1", "k");

        // Assert
        Assert.That(read?.Message, Is.EqualTo($"The peer refused GetState: GET_STATE failed: transaction ID: {transaction.TransactionId}: tx creator does not have read access permission on privatedata in chaincodeName:cc collectionName: org1"));
        Assert.That(write?.Message, Does.EndWith("tx creator does not have write access permission on privatedata in chaincodeName:cc collectionName: org1"));
        Assert.That(hash, Is.EqualTo(SHA256.HashData(Bytes("secret"))));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetPrivateDataAsync_PeerOutsideCollection_OnlyHashAvailable()
    {
        // Arrange
        var (ledger, cc) = Setup(memberOnly: false);
        var commit = cc.PutPrivateData("org1", "k", Bytes("secret"));
        var transaction = ledger.NewTransaction("cc", Alice, "fn", [], new TransactionOptions { PeerOrganization = "Org2MSP" });

        // Act
        var error = Assert.CatchAsync(() => transaction.Stub.GetPrivateDataAsync("org1", "k"));
        var missing = await transaction.Stub.GetPrivateDataAsync("org1", "other");
        var hash = await transaction.Stub.GetPrivateDataHashAsync("org1", "k");

        // Assert
        Assert.That(error?.Message, Does.EndWith($"private data matching public hash version is not available. Public hash version = {{BlockNum: {commit.BlockNumber}, TxNum: 0}}, Private data version = <nil>"));
        Assert.That(missing, Is.Null);
        Assert.That(hash, Is.Not.Null);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PrivateData_UnknownCollections_RefusedAsThePeerDoes()
    {
        // Arrange
        var (ledger, _) = Setup();
        var none = new InMemoryLedger();
        none.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())));
        var stub = ledger.NewTransaction("cc", Alice, "fn", []).Stub;
        var bare = none.NewTransaction("cc", Alice, "fn", []).Stub;

        // Act
        var read = Assert.CatchAsync(() => stub.GetPrivateDataAsync("nope", "k"));
        var hash = Assert.CatchAsync(() => stub.GetPrivateDataHashAsync("nope", "k"));
        var noConfig = Assert.CatchAsync(() => bare.GetPrivateDataHashAsync("nope", "k"));

        // Assert
        Assert.That(read?.Message, Does.EndWith("collection mychannel/cc/nope could not be found"));
        Assert.That(hash?.Message, Does.EndWith("collection [nope] not defined in the collection config for chaincode [cc]"));
        Assert.That(noConfig?.Message, Does.EndWith("collection config not defined for chaincode [cc], pass the collection configuration upon chaincode definition/instantiation"));
        await Task.CompletedTask;
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PurgePrivateDataAsync_Committed_ValueAndHashGone()
    {
        // Arrange
        var (ledger, cc) = Setup();
        cc.PutPrivateData("org1", "k", Bytes("secret"));

        // Act
        var result = await ledger.RunAsync(s => s.PurgePrivateDataAsync("org1", "k"));

        // Assert
        Assert.That(result.IsValid, Is.True);
        Assert.That(cc.GetPrivateData("org1", "k"), Is.Null);
        Assert.That(cc.GetPrivateDataHash("org1", "k"), Is.Null);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PrivateRange_AndWrites_RefusedInEitherOrder()
    {
        // Arrange
        var (ledger, cc) = Setup();
        cc.PutPrivateData("org1", "a", Bytes("1"));
        cc.PutPrivateData("org1", "b", Bytes("2"));
        List<string> keys = [];
        Exception? writeAfter = null, queryAfter = null;

        // Act
        await ledger.SimulateAsync(async s =>
        {
            keys = await s.GetPrivateDataByRangeAsync("org1", string.Empty, string.Empty).KeysAsync();
            writeAfter = Assert.CatchAsync(() => s.PutStateAsync("k", Bytes("v")));
        });
        await ledger.SimulateAsync(async s =>
        {
            await s.PutStateAsync("k", Bytes("v"));
            queryAfter = Assert.CatchAsync(async () => await s.GetPrivateDataByRangeAsync("org1", string.Empty, string.Empty).KeysAsync());
        });

        // Assert
        Assert.That(keys, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(writeAfter?.Message, Does.EndWith("Transaction has already performed queries on pvt data. Writes are not allowed"));
        Assert.That(queryAfter?.Message, Does.EndWith("Queries on pvt data is supported only in a read-only transaction"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PrivateRead_ChangedBeforeCommit_MvccReadConflict()
    {
        // Arrange
        var (ledger, cc) = Setup();
        cc.PutPrivateData("org1", "k", Bytes("1"));
        var reader = await ledger.SimulateAsync(async s =>
        {
            _ = await s.GetPrivateDataHashAsync("org1", "k");
            await s.PutStateAsync("out", Bytes("x"));
        });
        cc.PutPrivateData("org1", "k", Bytes("2"));

        // Act
        var result = ledger.Commit(reader);

        // Assert
        Assert.That(result.ValidationCode, Is.EqualTo(ValidationCode.MvccReadConflict));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PrivateData_InInit_Refused()
    {
        // Arrange
        var (ledger, _) = Setup();
        var transaction = ledger.NewTransaction("cc", Alice, "fn", [], new TransactionOptions { IsInit = true });

        // Act
        var error = Assert.CatchAsync(() => transaction.Stub.GetPrivateDataHashAsync("org1", "k"));

        // Assert
        Assert.That(error?.Message, Does.EndWith("private data APIs are not allowed in chaincode Init()"));
        await Task.CompletedTask;
    }
}
