using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FabricFinance.Tests.StubApi;

/// <summary>
/// The stub API scenarios, written once and run twice: against the probe chaincode deployed on real
/// Fabric 2.5 (FabricFinance.IntegrationTests) and against the same probe on the in-memory ledger
/// (FabricFinance.Chaincode.Testing.Tests). Every expected value is here, so the two cannot drift. Keys
/// carry a fresh prefix per run, so the scenarios also pass on a network that has run them before.
/// </summary>
public static class StubApiScenarios
{
    public const string Exchange = "ExchangeMSP";
    public const string BankA = "BankAMSP";
    public const string Probe = "probe";
    public const string OtherProbe = "probe2";
    public const string SharedCollection = "shared";
    public const string ExchangeOnlyCollection = "exchangeOnly";

    public const int Valid = 0;
    public const int EndorsementPolicyFailure = 10;
    public const int MvccReadConflict = 11;
    public const int PhantomReadConflict = 12;

    /// <summary>The Fabric id of User1 of ExchangeMSP: cryptogen's names, which <c>TestIdentity</c> mints too.</summary>
    public const string ExchangeUser1Id =
        "x509::CN=User1@exchange.example.com,OU=client,L=San Francisco,ST=California,C=US::CN=ca.exchange.example.com,O=exchange.example.com,L=San Francisco,ST=California,C=US";

    private const string TxId = "<txid>";

    public delegate Task Scenario(IProbeDriver driver, CancellationToken cancellationToken);

    public static IEnumerable<TestCaseData> State() =>
    [
        Case(PutGetDelete_OwnWritesInvisible_CommittedValuesRead),
        Case(GetMultiple_MixedKeys_ValuesInOrder),
        Case(History_SeveralUpdatesAndDelete_NewestFirstWithTxIdsAndTimestamps),
        Case(KeyEndorsement_PolicyRequiresBankA_ExchangeOnlyEndorsementFails),
        Case(InvokeChaincode_SameChannel_CalleeWritesItsOwnNamespace),
        Case(InvokeChaincode_ByteArguments_CalleeAnswers),
        Case(WriteBatch_OnFabric25_NotOfferedWritesStillLand),
        Case(Events_SetTwice_LastOneCommitted),
        Case(ErrorResponse_ChaincodeFails_NothingCommitted),
    ];

    public static IEnumerable<TestCaseData> Queries() =>
    [
        Case(Range_MoreThan100Keys_AllInUtf8Order),
        Case(Range_NonAsciiKeys_Utf8ByteOrder),
        Case(RangePagination_150Keys_PagesAndBookmarks),
        Case(PartialCompositeKey_StreamAndPages_MatchPrefix),
        Case(RichQuery_LevelDb_RefusedWithPeerText),
        Case(PaginatedQuery_ThenWrite_WriteRefused),
    ];

    public static IEnumerable<TestCaseData> PrivateData() =>
    [
        Case(PrivateData_SharedCollection_ValueAndHashOnBothPeers),
        Case(PrivateData_ExchangeOnly_BankAPeerHoldsOnlyTheHash),
        Case(PrivateData_Purge_ValueAndHashGone),
        Case(PrivateData_Range_ReadOnlyTransactionsOnly),
        Case(PrivateData_CompositeKeysMultiGetAndRichQuery_AsOnThePeer),
        Case(PrivateData_KeyPolicyRequiresBankA_ExchangeOnlyEndorsementFails),
    ];

    public static IEnumerable<TestCaseData> Proposal() =>
    [
        Case(ClientIdentity_User1_FabricIdAndNodeOuRole),
        Case(TransientData_NeverEchoed_HashesOnly),
        Case(SignedProposal_BindingAndTxId_MatchTheHeader),
    ];

    public static IEnumerable<TestCaseData> Validation() =>
    [
        Case(Mvcc_TwoIncrementsOfOneVersion_SecondIsReadConflict),
        Case(Phantom_InsertIntoQueriedRange_IsPhantomReadConflict),
        Case(Phantom_EarlyStoppedRange_OnlyFetchedKeysAreChecked),
    ];

    public static async Task PutGetDelete_OwnWritesInvisible_CommittedValuesRead(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("state");
        var first = await d.SubmitAsync(Probe, "Put", [key, "v1"], null, ct);
        var read = await d.EvaluateAsync(Probe, "Get", [key], null, ct);
        var second = await d.SubmitAsync(Probe, "Put", [key, "v2"], null, ct);
        var deleted = await d.SubmitAsync(Probe, "Delete", [key], null, ct);
        var gone = await d.EvaluateAsync(Probe, "Get", [key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(first.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(first.Json, "before"), Is.Null);
            Assert.That(Text(first.Json, "afterWrite"), Is.Null, "a transaction does not read its own writes");
            Assert.That(Text(read.Json, "value"), Is.EqualTo("v1"));
            Assert.That(Text(second.Json, "before"), Is.EqualTo("v1"));
            Assert.That(Text(second.Json, "afterWrite"), Is.EqualTo("v1"), "the put of v2 is not visible within its transaction");
            Assert.That(Text(deleted.Json, "before"), Is.EqualTo("v2"));
            Assert.That(Text(deleted.Json, "afterWrite"), Is.EqualTo("v2"), "the delete is not visible within its transaction");
            Assert.That(Text(gone.Json, "value"), Is.Null);
        });
    }

    public static async Task GetMultiple_MixedKeys_ValuesInOrder(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("multi");
        await d.SubmitAsync(Probe, "PutMany", [Array(prefix + "a", prefix + "c")], null, ct);

        var result = await d.EvaluateAsync(Probe, "GetMultiple", [Array(prefix + "c", prefix + "b", prefix + "a")], null, ct);

        Assert.That(result.Json["values"]!.AsArray().Select(v => v?.GetValue<string>()), Is.EqualTo(new[] { prefix + "c", null, prefix + "a" }));
    }

    public static async Task History_SeveralUpdatesAndDelete_NewestFirstWithTxIdsAndTimestamps(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("history");
        var v1 = await d.SubmitAsync(Probe, "Put", [key, "v1"], null, ct);
        var v2 = await d.SubmitAsync(Probe, "Put", [key, "v2"], null, ct);
        var deleted = await d.SubmitAsync(Probe, "Delete", [key], null, ct);
        var v3 = await d.SubmitAsync(Probe, "Put", [key, "v3"], null, ct);

        var history = (await d.EvaluateAsync(Probe, "History", [key], null, ct)).Json["entries"]!.AsArray();

        var expected = new[] { (v3, false, "v3"), (deleted, true, string.Empty), (v2, false, "v2"), (v1, false, "v1") };
        Assert.That(history, Has.Count.EqualTo(expected.Length));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Length; i++)
            {
                var (change, isDelete, value) = expected[i];
                Assert.That(Text(history[i]!, "txId"), Is.EqualTo(change.TransactionId).And.EqualTo(Text(change.Json, "txId")), $"entry {i}");
                Assert.That(history[i]!["isDelete"]!.GetValue<bool>(), Is.EqualTo(isDelete), $"entry {i}");
                Assert.That(Text(history[i]!, "value"), Is.EqualTo(value), $"entry {i}");
                Assert.That(Text(history[i]!, "timestamp"), Is.EqualTo(Text(change.Json, "timestamp")), $"entry {i}: the proposal's timestamp");
            }
        });
    }

    public static async Task KeyEndorsement_PolicyRequiresBankA_ExchangeOnlyEndorsementFails(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("sbe");
        await d.SubmitAsync(Probe, "Put", [key, "v0"], null, ct);
        var set = await d.SubmitAsync(Probe, "SetKeyPolicy", [key, Array(BankA)], null, ct);
        var policy = await d.EvaluateAsync(Probe, "GetKeyPolicy", [key], null, ct);

        var byExchange = await d.SubmitAsync(Probe, "Put", [key, "by-exchange"], Endorsed(Exchange), ct);
        var afterExchange = await d.EvaluateAsync(Probe, "Get", [key], null, ct);
        var byBankA = await d.SubmitAsync(Probe, "Put", [key, "by-banka"], Endorsed(BankA), ct);
        var afterBankA = await d.EvaluateAsync(Probe, "Get", [key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(set.ValidationCode, Is.EqualTo(Valid));
            Assert.That(policy.Json["orgs"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { BankA }));
            Assert.That(byExchange.ValidationCode, Is.EqualTo(EndorsementPolicyFailure));
            Assert.That(Text(afterExchange.Json, "value"), Is.EqualTo("v0"), "an invalid transaction changes nothing");
            Assert.That(byBankA.ValidationCode, Is.EqualTo(Valid), "the key's policy replaces the chaincode's MAJORITY policy");
            Assert.That(Text(afterBankA.Json, "value"), Is.EqualTo("by-banka"));
        });
    }

    public static async Task InvokeChaincode_SameChannel_CalleeWritesItsOwnNamespace(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("c2c");
        var call = await d.SubmitAsync(Probe, "Call", [OtherProbe, Array("Put", key, "via-c2c"), string.Empty], null, ct);
        var inCallee = await d.EvaluateAsync(OtherProbe, "Get", [key], null, ct);
        var inCaller = await d.EvaluateAsync(Probe, "Get", [key], null, ct);
        var failing = await d.EvaluateAsync(Probe, "Call", [OtherProbe, Array("Fail", "boom"), string.Empty], null, ct);
        var missing = await d.EvaluateAsync(Probe, "Call", ["nosuchchaincode", Array("Get", key), string.Empty], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(call.ValidationCode, Is.EqualTo(Valid));
            Assert.That(call.Json["status"]!.GetValue<int>(), Is.EqualTo(200));
            var calleeAnswer = JsonNode.Parse(Text(call.Json, "payload")!)!;
            Assert.That(Text(calleeAnswer, "txId"), Is.EqualTo(call.TransactionId), "the callee runs in the caller's transaction");
            Assert.That(Text(inCallee.Json, "value"), Is.EqualTo("via-c2c"));
            Assert.That(Text(inCaller.Json, "value"), Is.Null, "each chaincode has its own namespace");
            Assert.That(failing.Json["status"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(Text(failing.Json, "message"), Is.EqualTo("boom"));
            Assert.That(Text(missing.Json, "error"), Does.StartWith($"The peer refused InvokeChaincode: INVOKE_CHAINCODE failed: transaction ID: {TxId}: "));
        });
    }

    public static async Task InvokeChaincode_ByteArguments_CalleeAnswers(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("c2c-bytes");
        await d.SubmitAsync(OtherProbe, "Put", [key, "in-probe2"], null, ct);

        var call = (await d.EvaluateAsync(Probe, "CallBytes", [OtherProbe, Array("Get", key)], null, ct)).Json;

        Assert.That((call["status"]!.GetValue<int>(), Text(JsonNode.Parse(Text(call, "payload")!)!, "value")), Is.EqualTo((200, "in-probe2")));
    }

    public static async Task WriteBatch_OnFabric25_NotOfferedWritesStillLand(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("batch");

        var put = await d.SubmitAsync(Probe, "BatchedPut", [key, "v"], null, ct);
        var read = await d.EvaluateAsync(Probe, "Get", [key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(put.Json["batched"]!.GetValue<bool>(), Is.False, "a Fabric 2.5 peer offers no write batches");
            Assert.That(put.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(read.Json, "value"), Is.EqualTo("v"));
        });
    }

    public static async Task Events_SetTwice_LastOneCommitted(IProbeDriver d, CancellationToken ct)
    {
        var payload = Prefix("event");
        var call = new ProbeCall { CaptureEvent = true };

        var outcome = await d.SubmitAsync(Probe, "EmitEvents", ["first", "second", payload], call, ct);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ValidationCode, Is.EqualTo(Valid));
            Assert.That(outcome.EventName, Is.EqualTo("second"));
            Assert.That(outcome.EventPayload, Is.EqualTo(payload));
        });
    }

    public static async Task ErrorResponse_ChaincodeFails_NothingCommitted(IProbeDriver d, CancellationToken ct)
    {
        var outcome = await d.SubmitAsync(Probe, "Fail", ["NOT_FOUND: nothing here"], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Result, Is.Null);
            Assert.That(outcome.Error, Does.Contain("NOT_FOUND: nothing here"));
            Assert.That(outcome.ValidationCode, Is.Null);
        });
    }

    public static async Task Range_MoreThan100Keys_AllInUtf8Order(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("range");
        await d.SubmitAsync(Probe, "Seed", [prefix, "150"], null, ct);

        var range = (await d.EvaluateAsync(Probe, "Range", [prefix, prefix + "z"], null, ct)).Json;
        var tail = (await d.EvaluateAsync(Probe, "Range", [prefix + "0120", string.Empty], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(range["count"]!.GetValue<int>(), Is.EqualTo(150), "more than the peer's batch of 100");
            Assert.That(Text(range, "first"), Is.EqualTo(prefix + "0000"));
            Assert.That(Text(range, "last"), Is.EqualTo(prefix + "0149"));
            Assert.That(range["utf8Ordered"]!.GetValue<bool>(), Is.True);
            Assert.That(Text(range, "keysSha256"), Is.EqualTo(KeysDigest(Enumerable.Range(0, 150).Select(i => Seeded(prefix, i)))));
            Assert.That(Text(tail, "first"), Is.EqualTo(prefix + "0120"), "an open end key runs to the last key");
            Assert.That(tail["utf8Ordered"]!.GetValue<bool>(), Is.True);
        });
    }

    public static async Task Range_NonAsciiKeys_Utf8ByteOrder(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("utf8");
        string[] keys = [prefix + "\U00010000", prefix + "z", prefix + "\uFFFF", prefix + "a", prefix + "\uE000", prefix + "\u00e9"];
        await d.SubmitAsync(Probe, "PutMany", [Array(keys)], null, ct);

        var range = (await d.EvaluateAsync(Probe, "Range", [prefix, prefix + "\U0010FFFF"], null, ct)).Json;

        // UTF-8 byte order: a, z, é (C3 A9), U+E000 (EE 80 80), U+FFFF (EF BF BF), U+10000 (F0 90 80 80);
        // UTF-16 ordinal order would put U+10000 (a surrogate pair) before U+E000.
        Assert.That(range["keys"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[]
        {
            prefix + "a", prefix + "z", prefix + "\u00e9", prefix + "\uE000", prefix + "\uFFFF", prefix + "\U00010000",
        }));
    }

    public static async Task RangePagination_150Keys_PagesAndBookmarks(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("page");
        await d.SubmitAsync(Probe, "Seed", [prefix, "150"], null, ct);

        var by40 = (await d.EvaluateAsync(Probe, "RangeAllPages", [prefix, prefix + "z", "40"], null, ct)).Json;
        var by50 = (await d.EvaluateAsync(Probe, "RangeAllPages", [prefix, prefix + "z", "50"], null, ct)).Json;
        var big = (await d.EvaluateAsync(Probe, "RangePage", [prefix, prefix + "z", "500", string.Empty], null, ct)).Json;
        var fromBookmark = (await d.EvaluateAsync(Probe, "RangePage", [prefix, prefix + "z", "3", prefix + "0147"], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(Pages(by40), Is.EqualTo(new[] { (40, 40, prefix + "0000", prefix + "0040"), (40, 40, prefix + "0040", prefix + "0080"), (40, 40, prefix + "0080", prefix + "0120"), (30, 30, prefix + "0120", string.Empty) }));
            Assert.That(Pages(by50), Is.EqualTo(new[] { (50, 50, prefix + "0000", prefix + "0050"), (50, 50, prefix + "0050", prefix + "0100"), (50, 50, prefix + "0100", string.Empty) }), "a full last page has an empty bookmark");
            Assert.That(Text(by40, "keysSha256"), Is.EqualTo(KeysDigest(Enumerable.Range(0, 150).Select(i => Seeded(prefix, i)))));
            Assert.That(big["fetched"]!.GetValue<int>(), Is.EqualTo(150), "a page is not cut into the peer's batches of 100");
            Assert.That(Text(big, "bookmark"), Is.Empty);
            Assert.That(fromBookmark["keys"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { prefix + "0147", prefix + "0148", prefix + "0149" }));
            Assert.That(Text(fromBookmark, "bookmark"), Is.Empty);
        });
    }

    public static async Task PartialCompositeKey_StreamAndPages_MatchPrefix(IProbeDriver d, CancellationToken ct)
    {
        var type = Prefix("asset");
        await d.SubmitAsync(Probe, "SeedComposite", [type, "alice", "120"], null, ct);
        await d.SubmitAsync(Probe, "SeedComposite", [type, "bob", "5"], null, ct);

        var all = (await d.EvaluateAsync(Probe, "Partial", [type, Array()], null, ct)).Json;
        var alice = (await d.EvaluateAsync(Probe, "Partial", [type, Array("alice")], null, ct)).Json;
        var bob = (await d.EvaluateAsync(Probe, "Partial", [type, Array("bob")], null, ct)).Json;
        var one = (await d.EvaluateAsync(Probe, "Partial", [type, Array("bob", "0003")], null, ct)).Json;
        var pages = (await d.EvaluateAsync(Probe, "PartialAllPages", [type, Array("alice"), "50"], null, ct)).Json;
        var simple = (await d.EvaluateAsync(Probe, "Range", [type, type + "z"], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That((all["count"]!.GetValue<int>(), Text(all, "first"), Text(all, "last")), Is.EqualTo((125, type + "/alice/0000", type + "/bob/0004")));
            Assert.That(alice["count"]!.GetValue<int>(), Is.EqualTo(120));
            Assert.That(bob["count"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That((one["count"]!.GetValue<int>(), Text(one, "first")), Is.EqualTo((1, type + "/bob/0003")));
            Assert.That(Pages(pages), Is.EqualTo(new[] { (50, 50, type + "/alice/0000", type + "/alice/0050"), (50, 50, type + "/alice/0050", type + "/alice/0100"), (20, 20, type + "/alice/0100", string.Empty) }));
            Assert.That(simple["count"]!.GetValue<int>(), Is.Zero, "composite keys are not in the simple key range");
        });
    }

    public static async Task RichQuery_LevelDb_RefusedWithPeerText(IProbeDriver d, CancellationToken ct)
    {
        var streamed = (await d.EvaluateAsync(Probe, "RichQuery", ["{\"selector\":{}}", "0"], null, ct)).Json;
        var paged = (await d.EvaluateAsync(Probe, "RichQuery", ["{\"selector\":{}}", "10"], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(Text(streamed, "error"), Is.EqualTo($"The peer refused GetQueryResult: GET_QUERY_RESULT failed: transaction ID: {TxId}: ExecuteQuery not supported for leveldb"));
            Assert.That(Text(paged, "error"), Is.EqualTo($"The peer refused GetQueryResult: GET_QUERY_RESULT failed: transaction ID: {TxId}: ExecuteQueryWithMetadata not supported for leveldb"));
        });
    }

    public static async Task PaginatedQuery_ThenWrite_WriteRefused(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("pagewrite");

        var outcome = (await d.EvaluateAsync(Probe, "PageThenWrite", [prefix, prefix + "z", prefix + "k"], null, ct)).Json;

        Assert.That(Text(outcome, "error"), Is.EqualTo(
            $"The peer refused PutState: PUT_STATE failed: transaction ID: {TxId}: txid [{TxId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed"));
    }

    public static async Task PrivateData_SharedCollection_ValueAndHashOnBothPeers(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("pdc");
        var secret = "secret-" + key;
        var put = await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, key], Transient(secret), ct);
        var atExchange = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], null, ct);
        var atBankA = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], Endorsed(BankA), ct);
        var hashByBankA = await d.EvaluateAsync(Probe, "GetPrivateHash", [SharedCollection, key], new ProbeCall { Client = BankA }, ct);
        var deleted = await d.SubmitAsync(Probe, "DeletePrivate", [SharedCollection, key], null, ct);
        var afterDelete = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], null, ct);
        var hashAfterDelete = await d.EvaluateAsync(Probe, "GetPrivateHash", [SharedCollection, key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(put.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(put.Json, "valueSha256"), Is.EqualTo(Sha256(secret)));
            Assert.That(put.Json.ToJsonString(), Does.Not.Contain(secret), "the private value stays out of the response");
            Assert.That(Text(atExchange.Json, "value"), Is.EqualTo(secret));
            Assert.That(Text(atBankA.Json, "value"), Is.EqualTo(secret), "both organizations are members");
            Assert.That(Text(hashByBankA.Json, "hash"), Is.EqualTo(Sha256(secret)));
            Assert.That(deleted.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(afterDelete.Json, "value"), Is.Null);
            Assert.That(Text(hashAfterDelete.Json, "hash"), Is.Null);
        });
    }

    public static async Task PrivateData_ExchangeOnly_BankAPeerHoldsOnlyTheHash(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("pdc-ex");
        var secret = "exchange-secret-" + key;
        var put = await d.SubmitAsync(Probe, "PutPrivate", [ExchangeOnlyCollection, key], Transient(secret, Exchange), ct);
        var atExchange = await d.EvaluateAsync(Probe, "GetPrivate", [ExchangeOnlyCollection, key], null, ct);
        var hashAtBankAPeer = await d.EvaluateAsync(Probe, "GetPrivateHash", [ExchangeOnlyCollection, key], Endorsed(BankA), ct);
        var valueAtBankAPeer = await d.EvaluateAsync(Probe, "GetPrivate", [ExchangeOnlyCollection, key], Endorsed(BankA), ct);
        var readByBankAClient = await d.EvaluateAsync(Probe, "GetPrivate", [ExchangeOnlyCollection, key], new ProbeCall { Client = BankA }, ct);
        var bankAWrite = new ProbeCall { Client = BankA };
        bankAWrite.Transient[ProbeValueKey] = "x";
        var writeByBankAClient = await d.EvaluateAsync(Probe, "PutPrivate", [ExchangeOnlyCollection, key], bankAWrite, ct);
        var undefined = await d.EvaluateAsync(Probe, "GetPrivateHash", ["nosuchcollection", key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(put.ValidationCode, Is.EqualTo(Valid), "the collection's own policy (Exchange) is satisfied by Exchange alone");
            Assert.That(Text(atExchange.Json, "value"), Is.EqualTo(secret));
            Assert.That(Text(hashAtBankAPeer.Json, "hash"), Is.EqualTo(Sha256(secret)), "every peer holds the hash");
            Assert.That(Text(valueAtBankAPeer.Json, "error"), Does.StartWith(
                $"The peer refused GetState: GET_STATE failed: transaction ID: {TxId}: private data matching public hash version is not available. Public hash version = {{BlockNum: ")
                .And.EndWith("Private data version = <nil>"));
            Assert.That(Text(readByBankAClient.Json, "error"), Is.EqualTo(
                $"The peer refused GetState: GET_STATE failed: transaction ID: {TxId}: tx creator does not have read access permission on privatedata in chaincodeName:{Probe} collectionName: {ExchangeOnlyCollection}"));
            Assert.That(Text(writeByBankAClient.Json, "error"), Is.EqualTo(
                $"The peer refused PutState: PUT_STATE failed: transaction ID: {TxId}: tx creator does not have write access permission on privatedata in chaincodeName:{Probe} collectionName: {ExchangeOnlyCollection}"));
            Assert.That(Text(undefined.Json, "error"), Is.EqualTo(
                $"The peer refused GetPrivateDataHash: GET_PRIVATE_DATA_HASH failed: transaction ID: {TxId}: collection [nosuchcollection] not defined in the collection config for chaincode [{Probe}]"));
        });
    }

    public static async Task PrivateData_Purge_ValueAndHashGone(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("purge");
        var secret = "purged-" + key;
        await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, key], Transient(secret), ct);
        var before = await d.EvaluateAsync(Probe, "GetPrivateHash", [SharedCollection, key], null, ct);
        var purge = await d.SubmitAsync(Probe, "PurgePrivate", [SharedCollection, key], null, ct);
        var value = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], null, ct);
        var hash = await d.EvaluateAsync(Probe, "GetPrivateHash", [SharedCollection, key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(Text(before.Json, "hash"), Is.EqualTo(Sha256(secret)));
            Assert.That(purge.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(purge.Json, "txId"), Is.EqualTo(purge.TransactionId), "the channel has the V2_5 application capability purge needs");
            Assert.That(Text(value.Json, "value"), Is.Null);
            Assert.That(Text(hash.Json, "hash"), Is.Null);
        });
    }

    public static async Task PrivateData_Range_ReadOnlyTransactionsOnly(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("pdc-range");
        await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, prefix + "b"], Transient("b"), ct);
        await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, prefix + "a"], Transient("a"), ct);

        var range = (await d.EvaluateAsync(Probe, "PrivateRange", [SharedCollection, prefix, prefix + "z"], null, ct)).Json;
        var afterWrite = (await d.EvaluateAsync(Probe, "WriteThenPrivateRange", [prefix + "public", SharedCollection], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(range["keys"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { prefix + "a", prefix + "b" }));
            Assert.That(Text(afterWrite, "error"), Is.EqualTo(
                $"The peer refused GetStateByRange: GET_STATE_BY_RANGE failed: transaction ID: {TxId}: txid [{TxId}]: unsuppored transaction. Queries on pvt data is supported only in a read-only transaction"));
        });
    }

    public static async Task PrivateData_CompositeKeysMultiGetAndRichQuery_AsOnThePeer(IProbeDriver d, CancellationToken ct)
    {
        var type = Prefix("pdc-type");
        await d.SubmitAsync(Probe, "PutPrivateComposite", [SharedCollection, type, Array("bob", "1")], Transient("b1"), ct);
        await d.SubmitAsync(Probe, "PutPrivateComposite", [SharedCollection, type, Array("alice", "2")], Transient("a2"), ct);
        await d.SubmitAsync(Probe, "PutPrivateComposite", [SharedCollection, type, Array("alice", "1")], Transient("a1"), ct);
        await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, type + "x"], Transient("x"), ct);

        var alice = (await d.EvaluateAsync(Probe, "PrivatePartial", [SharedCollection, type, Array("alice")], null, ct)).Json;
        var multi = (await d.EvaluateAsync(Probe, "GetMultiplePrivate", [SharedCollection, Array(type + "x", type + "missing")], null, ct)).Json;
        var rich = (await d.EvaluateAsync(Probe, "PrivateRichQuery", [SharedCollection, "{\"selector\":{}}"], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(alice["keys"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { type + "/alice/1=a1", type + "/alice/2=a2" }));
            Assert.That(multi["values"]!.AsArray().Select(v => v?.GetValue<string>()), Is.EqualTo(new[] { "x", null }));
            Assert.That(Text(rich, "error"), Is.EqualTo($"The peer refused GetQueryResult: GET_QUERY_RESULT failed: transaction ID: {TxId}: ExecuteQuery not supported for leveldb"));
        });
    }

    public static async Task PrivateData_KeyPolicyRequiresBankA_ExchangeOnlyEndorsementFails(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("pdc-sbe");
        await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, key], Transient("v0"), ct);
        var set = await d.SubmitAsync(Probe, "SetPrivateKeyPolicy", [SharedCollection, key, Array(BankA)], null, ct);
        var policy = await d.EvaluateAsync(Probe, "GetPrivateKeyPolicy", [SharedCollection, key], null, ct);

        var byExchange = await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, key], Transient("by-exchange", Exchange), ct);
        var afterExchange = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], null, ct);
        var byBankA = await d.SubmitAsync(Probe, "PutPrivate", [SharedCollection, key], Transient("by-banka", BankA), ct);
        var afterBankA = await d.EvaluateAsync(Probe, "GetPrivate", [SharedCollection, key], Endorsed(BankA), ct);

        Assert.Multiple(() =>
        {
            Assert.That(set.ValidationCode, Is.EqualTo(Valid));
            Assert.That(policy.Json["orgs"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { BankA }));
            Assert.That(byExchange.ValidationCode, Is.EqualTo(EndorsementPolicyFailure));
            Assert.That(Text(afterExchange.Json, "value"), Is.EqualTo("v0"));
            Assert.That(byBankA.ValidationCode, Is.EqualTo(Valid));
            Assert.That(Text(afterBankA.Json, "value"), Is.EqualTo("by-banka"));
        });
    }

    public static async Task ClientIdentity_User1_FabricIdAndNodeOuRole(IProbeDriver d, CancellationToken ct)
    {
        var me = (await d.EvaluateAsync(Probe, "WhoAmI", [], null, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(Text(me, "mspId"), Is.EqualTo(Exchange));
            Assert.That(Text(me, "creatorMspId"), Is.EqualTo(Exchange));
            Assert.That(Text(me, "id"), Is.EqualTo(ExchangeUser1Id));
            Assert.That(Text(me, "base64Id"), Is.EqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes(ExchangeUser1Id))));
            Assert.That(me["ous"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "client" }));
            Assert.That((me["isClient"]!.GetValue<bool>(), me["isPeer"]!.GetValue<bool>(), me["isAdmin"]!.GetValue<bool>(), me["isOrderer"]!.GetValue<bool>()), Is.EqualTo((true, false, false, false)));
            Assert.That(me["attributes"]!.AsObject(), Is.Empty);
        });
    }

    public static async Task TransientData_NeverEchoed_HashesOnly(IProbeDriver d, CancellationToken ct)
    {
        var call = new ProbeCall();
        call.Transient["b"] = "beta-secret";
        call.Transient["a"] = "alpha-secret";

        var outcome = await d.EvaluateAsync(Probe, "TransientInfo", [], call, ct);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Json.ToJsonString(), Does.Not.Contain("secret"));
            Assert.That(outcome.Json["sha256"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())), Is.EqualTo(new[] { ("a", Sha256("alpha-secret")), ("b", Sha256("beta-secret")) }));
        });
    }

    public static async Task SignedProposal_BindingAndTxId_MatchTheHeader(IProbeDriver d, CancellationToken ct)
    {
        var call = new ProbeCall();
        call.Transient["t"] = "x";

        var info = (await d.EvaluateAsync(Probe, "ProposalInfo", [], call, ct)).Json;

        Assert.Multiple(() =>
        {
            Assert.That(Text(info, "channelId"), Is.EqualTo(d.ChannelName));
            Assert.That(Text(info, "function"), Is.EqualTo("ProposalInfo"));
            Assert.That(info["parameters"]!.AsArray(), Is.Empty);
            Assert.That(info["bindingLength"]!.GetValue<int>(), Is.EqualTo(32));
            foreach (var check in new[] { "hasSignedProposal", "bindingMatches", "txIdMatches", "creatorMatches", "channelMatches", "timestampMatches", "transientInProposal" })
            {
                Assert.That(info[check]!.GetValue<bool>(), Is.True, check);
            }

            Assert.That(info["decorations"]!.GetValue<int>(), Is.Zero);
        });
    }

    public static async Task Mvcc_TwoIncrementsOfOneVersion_SecondIsReadConflict(IProbeDriver d, CancellationToken ct)
    {
        var key = Prefix("mvcc");
        await d.SubmitAsync(Probe, "Increment", [key], null, ct);
        var first = await d.EndorseAsync(Probe, "Increment", [key], null, ct);
        var second = await d.EndorseAsync(Probe, "Increment", [key], null, ct);

        var firstCommit = await first.SubmitAsync(ct);
        var secondCommit = await second.SubmitAsync(ct);
        var value = await d.EvaluateAsync(Probe, "Get", [key], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(first.Result["read"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(second.Result["read"]!.GetValue<long>(), Is.EqualTo(1), "both were simulated against the same version");
            Assert.That(firstCommit.ValidationCode, Is.EqualTo(Valid));
            Assert.That(secondCommit.ValidationCode, Is.EqualTo(MvccReadConflict));
            Assert.That(Text(value.Json, "value"), Is.EqualTo("2"), "the invalid transaction changed nothing");
        });
    }

    public static async Task Phantom_InsertIntoQueriedRange_IsPhantomReadConflict(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("phantom");
        await d.SubmitAsync(Probe, "Seed", [prefix, "3"], null, ct);
        var counting = await d.EndorseAsync(Probe, "RangeStopAndWrite", [prefix, prefix + "z", "1000", "count-" + prefix], null, ct);
        var inserting = await d.EndorseAsync(Probe, "Put", [prefix + "0001a", "new"], null, ct);

        var inserted = await inserting.SubmitAsync(ct);
        var counted = await counting.SubmitAsync(ct);
        var target = await d.EvaluateAsync(Probe, "Get", ["count-" + prefix], null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(counting.Result["seen"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(inserted.ValidationCode, Is.EqualTo(Valid));
            Assert.That(counted.ValidationCode, Is.EqualTo(PhantomReadConflict));
            Assert.That(Text(target.Json, "value"), Is.Null);
        });
    }

    /// <summary>
    /// A chaincode that stops a range query early has still had the peer fetch a whole batch of 100 plus one
    /// record: those 101 keys are what the validator re-checks. An insert after them is no phantom, an insert
    /// among them is.
    /// </summary>
    public static async Task Phantom_EarlyStoppedRange_OnlyFetchedKeysAreChecked(IProbeDriver d, CancellationToken ct)
    {
        var prefix = Prefix("early");
        await d.SubmitAsync(Probe, "Seed", [prefix, "150"], null, ct);

        var beyond = await d.EndorseAsync(Probe, "RangeStopAndWrite", [prefix, prefix + "z", "5", "early1-" + prefix], null, ct);
        var insertBeyond = await d.EndorseAsync(Probe, "Put", [prefix + "0120a", "new"], null, ct);
        var insertedBeyond = await insertBeyond.SubmitAsync(ct);
        var afterBeyond = await beyond.SubmitAsync(ct);

        var within = await d.EndorseAsync(Probe, "RangeStopAndWrite", [prefix, prefix + "z", "5", "early2-" + prefix], null, ct);
        var insertWithin = await d.EndorseAsync(Probe, "Put", [prefix + "0090a", "new"], null, ct);
        var insertedWithin = await insertWithin.SubmitAsync(ct);
        var afterWithin = await within.SubmitAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(insertedBeyond.ValidationCode, Is.EqualTo(Valid));
            Assert.That(afterBeyond.ValidationCode, Is.EqualTo(Valid), "key 120 is past the 101 records the peer fetched");
            Assert.That(insertedWithin.ValidationCode, Is.EqualTo(Valid));
            Assert.That(afterWithin.ValidationCode, Is.EqualTo(PhantomReadConflict), "key 90 is among the fetched records");
        });
    }

    /// <summary>The transient key the probe's PutPrivate reads its value from.</summary>
    public const string ProbeValueKey = "value";

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static TestCaseData Case(Scenario scenario) => new TestCaseData(scenario).SetName(scenario.Method.Name);

    private static string Prefix(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..10]}-";

    private static string Seeded(string prefix, int i) => prefix + i.ToString("D4", CultureInfo.InvariantCulture);

    private static string KeysDigest(IEnumerable<string> keys) => Sha256(string.Join('\n', keys));

    private static string Array(params string[] items) => new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]).ToJsonString();

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();

    private static ProbeCall Endorsed(string org)
    {
        var call = new ProbeCall();
        call.Endorsers.Add(org);
        return call;
    }

    private static ProbeCall Transient(string value, string? endorser = null)
    {
        var call = new ProbeCall();
        call.Transient[ProbeValueKey] = value;
        if (endorser is not null)
        {
            call.Endorsers.Add(endorser);
        }

        return call;
    }

    private static (int Count, int Fetched, string First, string Bookmark)[] Pages(JsonNode result) =>
    [
        .. result["pages"]!.AsArray().Select(p => (p!["count"]!.GetValue<int>(), p["fetched"]!.GetValue<int>(), Text(p, "first")!, Text(p, "bookmark")!)),
    ];
}
