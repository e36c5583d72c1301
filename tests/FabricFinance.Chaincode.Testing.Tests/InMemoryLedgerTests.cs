using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Testing.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;
using static FabricFinance.Chaincode.Testing.Tests.Infrastructure.Ledgers;

namespace FabricFinance.Chaincode.Testing.Tests;

[TestFixture]
public sealed class InMemoryLedgerTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task KeyPolicy_EndorsersMissingTheOrg_EndorsementPolicyFailure()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())), new ChaincodeDeployment
        {
            EndorsementPolicy = SignaturePolicies.AllOf("Org1MSP", "Org2MSP"),
        });
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Peer, "Org2MSP");
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v0")));
        await ledger.RunAsync(s => s.SetStateValidationParameterAsync("k", policy.GetPolicy()));

        // Act
        var byOrg1 = await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("org1")), Endorsers("Org1MSP"));
        var byOrg2 = await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("org2")), Endorsers("Org2MSP"));
        var otherKeyByOrg2 = await ledger.RunAsync(s => s.PutStateAsync("free", Bytes("x")), Endorsers("Org2MSP"));

        // Assert
        Assert.That(byOrg1.ValidationCode, Is.EqualTo(ValidationCode.EndorsementPolicyFailure));
        Assert.That(byOrg2.ValidationCode, Is.EqualTo(ValidationCode.Valid), "the key's policy replaces the chaincode's");
        Assert.That(otherKeyByOrg2.ValidationCode, Is.EqualTo(ValidationCode.EndorsementPolicyFailure), "a key without a policy needs the chaincode's");
        Assert.That(Text(cc.GetState("k")), Is.EqualTo("org2"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task KeyPolicy_ChangedEarlierInTheBlock_LaterWriterFails()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())));
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v0")));
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, "Org1MSP");
        var setter = await ledger.SimulateAsync(s => s.SetStateValidationParameterAsync("k", policy.GetPolicy()), Endorsers("Org1MSP"));
        var writer = await ledger.SimulateAsync(s => s.PutStateAsync("k", Bytes("v1")), Endorsers("Org1MSP"));

        // Act
        var results = ledger.CommitBlock([setter, writer]);

        // Assert
        Assert.That(results.Select(r => r.ValidationCode), Is.EqualTo(new[] { ValidationCode.Valid, ValidationCode.EndorsementPolicyFailure }));
    }

    [TestCase(new[] { "A" }, 1, true)]
    [TestCase(new[] { "B" }, 1, true)]
    [TestCase(new[] { "D" }, 1, false)]
    [TestCase(new[] { "A" }, 2, false)]
    [TestCase(new[] { "A", "C" }, 2, true)]
    [TestCase(new[] { "A", "B", "C" }, 3, true)]
    public void SignaturePolicies_OutOf_EvaluatedLikeFabric(string[] endorsers, int required, bool satisfied)
    {
        // Arrange
        var policy = SignaturePolicies.OutOf(required, "C", "A", "B");

        // Act
        var result = Internal.PolicyEvaluator.IsSatisfied(policy, endorsers);

        // Assert
        Assert.That(result, Is.EqualTo(satisfied));
    }

    [Test]
    public void SignaturePolicies_Majority_MoreThanHalf()
    {
        // Arrange / Act
        var policy = SignaturePolicies.Majority("A", "B", "C", "D");

        // Assert
        Assert.That(Internal.PolicyEvaluator.IsSatisfied(policy, ["A", "B"]), Is.False);
        Assert.That(Internal.PolicyEvaluator.IsSatisfied(policy, ["A", "B", "D"]), Is.True);
        Assert.That(() => SignaturePolicies.OutOf(3, "A", "B"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvokeChaincodeAsync_SameChannel_SharesTheTransaction()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var callee = ledger.Deploy("callee", new DelegateChaincode(async s =>
        {
            var before = await s.GetStateAsync("k");
            await s.PutStateAsync("k", Bytes(s.Parameters[0]));
            s.SetEvent("ignored", Bytes("callee"));
            return ChaincodeResponse.Success($"{s.TransactionId}|{Text(before)}");
        }));
        var caller = ledger.Deploy("caller", new DelegateChaincode(async s =>
        {
            var answer = await s.InvokeChaincodeAsync("callee", ["set", "from-caller"]);
            s.SetEvent("caller", Bytes("x"));
            return answer;
        }));

        // Act
        var result = await caller.SubmitAsync(Alice, "go", []);

        // Assert
        Assert.That(result.PayloadText, Is.EqualTo(result.TransactionId + "|"));
        Assert.That(Text(callee.GetState("k")), Is.EqualTo("from-caller"));
        Assert.That(caller.GetState("k"), Is.Null);
        Assert.That(result.Event?.Name, Is.EqualTo("caller"), "only the called chaincode's event counts");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvokeChaincodeAsync_CalleeReadChangedBeforeCommit_CallerConflicts()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var callee = ledger.Deploy("callee", new DelegateChaincode(async s => ChaincodeResponse.Success((await s.GetStateAsync("k")) ?? [])));
        var caller = ledger.Deploy("caller", new DelegateChaincode(async s =>
        {
            await s.InvokeChaincodeAsync("callee", ["read"]);
            await s.PutStateAsync("out", Bytes("x"));
            return ChaincodeResponse.Success();
        }));
        var transaction = caller.NewTransaction(Alice, "go", []);
        await transaction.InvokeAsync();
        callee.PutState("k", Bytes("changed"));

        // Act
        var result = ledger.Commit(transaction);

        // Assert
        Assert.That(result.ValidationCode, Is.EqualTo(ValidationCode.MvccReadConflict));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvokeChaincodeAsync_OtherChannel_ReadsButWritesAreDropped()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var other = new InMemoryLedger(new InMemoryLedgerOptions { ChannelId = "other" });
        ledger.ConnectChannel(other);
        var remote = other.Deploy("remote", new DelegateChaincode(async s =>
        {
            var value = await s.GetStateAsync("k");
            await s.PutStateAsync("written", Bytes("x"));
            return ChaincodeResponse.Success($"{s.ChannelId}:{Text(value)}");
        }));
        remote.PutState("k", Bytes("there"));
        var local = ledger.Deploy("local", new DelegateChaincode(s => s.InvokeChaincodeAsync("remote", ["read"], "other")));

        // Act
        var result = await local.SubmitAsync(Alice, "go", []);
        var missing = await ledger.Deploy("lost", new DelegateChaincode(s => s.InvokeChaincodeAsync("remote", ["read"], "nowhere"))).SubmitAsync(Alice, "go", []);

        // Assert
        Assert.That(result.PayloadText, Is.EqualTo("other:there"));
        Assert.That(result.Commit?.IsValid, Is.True);
        Assert.That(remote.GetState("written"), Is.Null, "a call to another channel cannot write");
        Assert.That(missing.Message, Does.EndWith("failed to find ledger for channel: nowhere"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvokeChaincodeAsync_CalleeThrows_Status500ToCaller()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        ledger.Deploy("callee", new DelegateChaincode(_ => throw new InvalidOperationException("callee broke")));
        var caller = ledger.Deploy("caller", new DelegateChaincode(async s =>
        {
            var answer = await s.InvokeChaincodeAsync("callee", ["x"]);
            return ChaincodeResponse.Success($"{answer.Status}:{answer.Message}");
        }));

        // Act
        var result = await caller.EvaluateAsync(Alice, "go", []);

        // Assert
        Assert.That(result.PayloadText, Is.EqualTo("500:callee broke"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task NewTransaction_Proposal_CreatorTransientTimestampAndTxIdAreFabrics()
    {
        // Arrange
        var ledger = new InMemoryLedger(new InMemoryLedgerOptions { ChannelId = "ch1" });
        var at = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var options = new TransactionOptions { Timestamp = at, TransientData = { ["secret"] = Bytes("s") } };

        // Act
        var stub = ledger.NewTransaction("cc", Alice, "Transfer", ["a1", "bob"], options).Stub;

        // Assert
        var signed = SignedProposal.Parser.ParseFrom(stub.SignedProposal.Span);
        var header = Header.Parser.ParseFrom(Proposal.Parser.ParseFrom(signed.ProposalBytes).Header);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        Assert.Multiple(() =>
        {
            Assert.That((stub.ChannelId, stub.FunctionName, stub.Parameters), Is.EqualTo(("ch1", "Transfer", (IReadOnlyList<string>)["a1", "bob"])));
            Assert.That(stub.TransactionTimestamp, Is.EqualTo(at));
            Assert.That(Text(stub.TransientData["secret"].ToArray()), Is.EqualTo("s"));
            Assert.That(stub.CreatorMspId, Is.EqualTo("Org1MSP"));
            Assert.That(stub.Creator.ToArray(), Is.EqualTo(Alice.SerializedIdentity.ToArray()));
            Assert.That(stub.TransactionId, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData([.. signatureHeader.Nonce.ToByteArray(), .. signatureHeader.Creator.ToByteArray()]))));
            Assert.That((channelHeader.TxId, channelHeader.ChannelId), Is.EqualTo((stub.TransactionId, "ch1")));
            Assert.That(stub.Binding.Length, Is.EqualTo(32));
            using var key = Alice.Certificate.GetECDsaPublicKey()!;
            Assert.That(key.VerifyData(signed.ProposalBytes.Span, signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.True);
        });
    }

    [Test]
    public void TestIdentity_Create_NodeOuRoleAttributesAndCommonIssuer()
    {
        // Arrange / Act
        var admin = TestIdentity.Create("ExchangeMSP", "Admin@exchange.example.com", TestIdentityRole.Admin, new Dictionary<string, string> { ["role"] = "trader", ["desk"] = "fx" });
        var user = TestIdentity.Create("ExchangeMSP", "User1@exchange.example.com");

        // Assert
        var id = admin.ClientIdentity;
        Assert.Multiple(() =>
        {
            Assert.That((id.MspId, id.IsAdmin, id.IsClient), Is.EqualTo(("ExchangeMSP", true, false)));
            Assert.That(id.Attributes, Is.EqualTo(new Dictionary<string, string> { ["desk"] = "fx", ["role"] = "trader" }));
            Assert.That(id.Subject, Is.EqualTo("CN=Admin@exchange.example.com,OU=admin,L=San Francisco,ST=California,C=US"));
            Assert.That(id.Issuer, Is.EqualTo("CN=ca.exchange.example.com,O=exchange.example.com,L=San Francisco,ST=California,C=US"));
            Assert.That(user.ClientIdentity.Issuer, Is.EqualTo(id.Issuer));
            Assert.That(user.ClientIdentity.IsClient, Is.True);
            Assert.That(user.ClientIdentity.Attributes, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ContractRouter_OnLedger_RoutesAndCommits()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var counter = ledger.Deploy("counter", ContractRouter.Create([new CounterContract()]));

        // Act
        var first = await counter.SubmitAsync(Alice, "Add", ["c1", "5"]);
        var second = await counter.SubmitAsync(Alice, "counter:Add", ["c1", "2"]);
        var read = await counter.EvaluateAsync(Alice, "Get", ["c1"]);
        var bad = await counter.SubmitAsync(Alice, "Add", ["c1", "not-a-number"]);

        // Assert
        Assert.That((first.IsSuccess, second.IsSuccess, read.PayloadText), Is.EqualTo((true, true, "7")));
        Assert.That(bad.IsSuccess, Is.False);
        Assert.That(bad.Commit, Is.Null);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task SubmitAsync_ManyConcurrentIncrements_ExactlyTheValidOnesCount()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var counter = ledger.Deploy("counter", ContractRouter.Create([new CounterContract()]));

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => counter.SubmitAsync(Alice, "Add", ["c", "1"]))));
        var read = await counter.EvaluateAsync(Alice, "Get", ["c"]);

        // Assert
        var valid = results.Count(r => r.Commit?.IsValid == true);
        Assert.That(valid, Is.GreaterThan(0));
        Assert.That(read.PayloadText, Is.EqualTo(valid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(results.Where(r => r.Commit?.IsValid != true).Select(r => r.ValidationCode), Is.All.EqualTo(ValidationCode.MvccReadConflict));
    }

    private static TransactionOptions Endorsers(params string[] orgs)
    {
        var options = new TransactionOptions();
        foreach (var org in orgs)
        {
            options.EndorsingOrganizations.Add(org);
        }

        return options;
    }

#pragma warning disable CA1822 // transactions are instance methods of the contract
    /// <summary>A contract for the router tests: a named counter.</summary>
    [Contract(Name = "counter")]
    public sealed class CounterContract : ContractBase
    {
        [Transaction]
        public async Task<long> Add(Context context, string name, long amount)
        {
            var current = await context.Stub.GetStateAsync(name) is { } bytes ? long.Parse(Text(bytes)!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            await context.Stub.PutStateAsync(name, Bytes((current + amount).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return current + amount;
        }

        [Transaction(Evaluate = true)]
        public async Task<ChaincodeResponse> Get(Context context, string name) =>
            ChaincodeResponse.Success(await context.Stub.GetStateAsync(name) ?? Bytes("0"));
    }
#pragma warning restore CA1822
}
