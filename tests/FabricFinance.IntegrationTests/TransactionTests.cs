using System.Text;
using System.Text.Json;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Infrastructure;
using Grpc.Core;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The .NET Gateway client and the C# chaincode (as chaincode-as-a-service) on real Fabric 2.5
/// peers: endorsement by both orgs, ordering, commit, and errors as typed exceptions.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class TransactionTests
{
    [Test]
    public async Task SubmitTransaction_CreateAsset_CommitsAndEveryOrgsPeerReadsIt()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        using var bank = FabricNetwork.Connect(FabricNetwork.BankA);
        var id = Ids.New("create");

        // Act
        var created = await exchange.Assets.SubmitTransactionAsync("CreateAsset", id, "Alice", "1500");
        var readByBank = await ReadEventuallyAsync(bank.Assets, id);
        var readByExchange = await exchange.Assets.EvaluateTransactionAsync("ReadAsset", id);

        // Assert
        var expected = $"{{\"id\":\"{id}\",\"owner\":\"Alice\",\"value\":1500}}";
        Assert.That(Encoding.UTF8.GetString(created), Is.EqualTo(expected));
        Assert.That(readByBank, Is.EqualTo(expected));
        Assert.That(Encoding.UTF8.GetString(readByExchange), Is.EqualTo(expected));
    }

    [Test]
    public async Task SubmitTransaction_TransferAsset_ChangesTheOwner()
    {
        // Arrange
        using var bank = FabricNetwork.Connect(FabricNetwork.BankA);
        var id = Ids.New("transfer");
        await SyncedSubmit.SubmitAsync(bank.Assets, "CreateAsset", [id, "Alice", "10"]);

        // Act
        await bank.Assets.SubmitTransactionAsync("TransferAsset", id, "Bob");
        var asset = await bank.Assets.EvaluateTransactionAsync("ReadAsset", id);

        // Assert
        Assert.That(JsonDocument.Parse(asset).RootElement.GetProperty("owner").GetString(), Is.EqualTo("Bob"));
    }

    [Test]
    public async Task StartSubmit_Transaction_CommitStatusIsValidWithABlockNumber()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("status");

        // Act
        var submitted = await exchange.Assets.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(id, "Carol", "7"));
        var status = await submitted.GetStatusAsync();

        // Assert
        Assert.That(status.Code, Is.EqualTo(TransactionValidationCode.Valid));
        Assert.That(status.Successful, Is.True);
        Assert.That(status.BlockNumber, Is.GreaterThan(0UL));
        Assert.That(status.TransactionId, Is.EqualTo(submitted.TransactionId));
        Assert.That(Encoding.UTF8.GetString(submitted.Result.Span), Does.Contain(id));
    }

    [Test]
    public async Task SubmitTransaction_ChaincodeRefuses_ThrowsEndorseExceptionCarryingTheChaincodeMessage()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("dup");
        await SyncedSubmit.SubmitAsync(exchange.Assets, "CreateAsset", [id, "Alice", "1"]);

        // Act
        var error = Assert.ThrowsAsync<EndorseException>(() => exchange.Assets.SubmitTransactionAsync("CreateAsset", id, "Mallory", "2"));

        // Assert
        Assert.That(error!.TransactionId, Is.Not.Empty);
        Assert.That(error.Message, Does.Contain($"ALREADY_EXISTS: asset {id} already exists."));
        Assert.That(error.Details, Is.Not.Empty);
        Assert.That(error.Details.Select(d => d.Message), Has.Some.Contain("ALREADY_EXISTS"));
        Assert.That(error.Details.Select(d => d.MspId), Has.All.AnyOf(FabricNetwork.Exchange, FabricNetwork.BankA));
    }

    [Test]
    public async Task EvaluateTransaction_UnknownAsset_ThrowsTransactionExceptionWithNotFound()
    {
        // Arrange
        using var bank = FabricNetwork.Connect(FabricNetwork.BankA);

        // Act
        var error = Assert.ThrowsAsync(Is.InstanceOf<TransactionException>(), () => bank.Assets.EvaluateTransactionAsync("ReadAsset", "no-such-asset"));

        // Assert
        Assert.That(error!.Message, Does.Contain("NOT_FOUND: asset no-such-asset does not exist."));
        Assert.That(((GatewayException)error).StatusCode, Is.Not.EqualTo(StatusCode.OK));
    }

    [TestCase("CreateAsset", new[] { "only-one" }, "expected 3 argument(s), got 1")]
    [TestCase("CreateAsset", new[] { "bad id!", "Alice", "1" }, "asset id 'bad id!'")]
    [TestCase("CreateAsset", new[] { "ok-id", "Alice", "1.5" }, "value '1.5' is not a non-negative decimal integer")]
    [TestCase("NoSuchFunction", new string[0], "unknown function 'NoSuchFunction'")]
    public async Task SubmitTransaction_BadInput_ThrowsEndorseExceptionNamingTheProblemAndWritesNothing(string function, string[] args, string message)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var before = await exchange.Assets.EvaluateTransactionAsync("GetAllAssets");

        // Act
        var error = Assert.ThrowsAsync<EndorseException>(() => exchange.Assets.SubmitTransactionAsync(function, args));
        var after = await exchange.Assets.EvaluateTransactionAsync("GetAllAssets");

        // Assert
        Assert.That(error!.Message, Does.Contain("INVALID_ARGUMENT").And.Contain(message));
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task EvaluateTransaction_GetAllAssets_RangeQueryReturnsCommittedAssetsInKeyOrder()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var prefix = Ids.New("range");
        foreach (var suffix in new[] { "b", "a", "c" })
        {
            await exchange.Assets.SubmitTransactionAsync("CreateAsset", $"{prefix}-{suffix}", "Dana", "5");
        }

        // Act
        var all = JsonDocument.Parse(await exchange.Assets.EvaluateTransactionAsync("GetAllAssets")).RootElement;

        // Assert
        var ids = all.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.That(ids.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)), Is.EqualTo(new[] { $"{prefix}-a", $"{prefix}-b", $"{prefix}-c" }));
        Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public async Task SubmitTransaction_ManyConcurrently_AllCommit()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var ids = Enumerable.Range(0, 24).Select(i => Ids.New($"burst{i}")).ToList();

        // Act
        var results = await Task.WhenAll(ids.Select(id => exchange.Assets.SubmitTransactionAsync("CreateAsset", id, "Erin", "3")));

        // Assert
        Assert.That(results.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetString()), Is.EqualTo(ids));
    }

    [Test]
    public async Task Submit_TwoTransactionsEndorsedAgainstTheSameVersion_SecondCommitsAsMvccReadConflict()
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("mvcc");
        await SyncedSubmit.SubmitAsync(exchange.Assets, "CreateAsset", [id, "Alice", "1"]);
        var first = await exchange.Assets.NewProposal("TransferAsset", new ProposalOptions().AddArguments(id, "Bob")).EndorseAsync();
        var second = await exchange.Assets.NewProposal("TransferAsset", new ProposalOptions().AddArguments(id, "Carol")).EndorseAsync();

        // Act
        var firstStatus = await (await first.SubmitAsync()).GetStatusAsync();
        var secondStatus = await (await second.SubmitAsync()).GetStatusAsync();
        var asset = await exchange.Assets.EvaluateTransactionAsync("ReadAsset", id);

        // Assert
        Assert.That(firstStatus.Code, Is.EqualTo(TransactionValidationCode.Valid));
        Assert.That(secondStatus.Code, Is.EqualTo(TransactionValidationCode.MvccReadConflict));
        Assert.That(JsonDocument.Parse(asset).RootElement.GetProperty("owner").GetString(), Is.EqualTo("Bob"));
    }

    [Test]
    public async Task SubmitTransaction_ConcurrentTransfersOfOneAsset_LosersThrowCommitExceptionWithMvccReadConflict()
    {
        // Arrange: endorsed together, the transfers all read the same version; ordering lets one win.
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("race");
        await SyncedSubmit.SubmitAsync(exchange.Assets, "CreateAsset", [id, "Alice", "1"]);
        var owners = Enumerable.Range(0, 6).Select(i => $"Owner{i}").ToList();

        // Act
        var outcomes = await Task.WhenAll(owners.Select(async owner =>
        {
            try
            {
                await exchange.Assets.SubmitTransactionAsync("TransferAsset", id, owner);
                return (Owner: owner, Error: (CommitException?)null);
            }
            catch (CommitException ex)
            {
                return (Owner: owner, Error: ex);
            }
        }));
        var finalOwner = JsonDocument.Parse(await exchange.Assets.EvaluateTransactionAsync("ReadAsset", id)).RootElement.GetProperty("owner").GetString();

        // Assert
        var winners = outcomes.Where(o => o.Error is null).Select(o => o.Owner).ToList();
        var losers = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        Assert.That(winners, Is.Not.Empty);
        Assert.That(losers, Is.Not.Empty, "six transfers endorsed within one batch timeout should conflict");
        Assert.That(losers.Select(e => e.Code), Is.All.EqualTo(TransactionValidationCode.MvccReadConflict));
        Assert.That(losers.Select(e => e.TransactionId), Is.All.Not.Empty);
        Assert.That(winners, Does.Contain(finalOwner));
    }

    private static async Task<string> ReadEventuallyAsync(Contract contract, string id)
    {
        // Another org's peer may be a block behind the one that reported the commit.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Encoding.UTF8.GetString(await contract.EvaluateTransactionAsync("ReadAsset", id));
            }
            catch (TransactionException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
