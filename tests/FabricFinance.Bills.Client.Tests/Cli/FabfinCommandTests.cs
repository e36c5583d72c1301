using System.Text.Json;
using FabricFinance.Bills.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>fabfin end to end in-process: parsing, identities, the proposals it sends, tables, --json, exit codes.</summary>
public sealed class FabfinCommandTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Help_NoNetwork_ListsTheCommandGroupsAndExitsZero()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample) { CurrentDirectory = Path.GetTempPath() };

        // Act
        var result = await host.RunAsync("--help");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Output, Does.Contain("party").And.Contain("bill").And.Contain("deal").And.Contain("init").And.Contain("watch").And.Contain("identities"));
            Assert.That(host.Peers.Connected, Is.Empty);
        });
    }

    [TestCase("bill")]
    [TestCase("deal")]
    [TestCase("party")]
    [CancelAfter(10_000)]
    public async Task Help_Group_ListsItsCommands(string group)
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync(group, "--help");

        // Assert
        var expected = group switch
        {
            "bill" => new[] { "issue", "accept", "reject", "cancel", "endorse", "present", "pay", "dishonor", "freeze", "unfreeze", "get", "history", "list" },
            "deal" => ["discount", "rediscount", "accept", "reject", "cancel", "settle", "expire", "get", "terms"],
            _ => ["register", "suspend", "activate", "get", "list"],
        };
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            foreach (var command in expected)
            {
                Assert.That(result.Output, Does.Contain(command + " "), command);
            }
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Identities_SampleNetwork_ListsNamesWithoutConnecting()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync("identities");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero);
            Assert.That(result.Output, Does.Contain("CoreCorp").And.Contain("BankAAdmin").And.Contain("Regulator").And.Contain("127.0.0.1:9051"));
            Assert.That(host.Peers.Connected, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Identities_Json_PrintsAnArrayOfNames()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync("identities", "--json", "--network", CliNetwork.Sample.NetworkFile);

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.That(names, Does.Contain("SupplierB").And.Contain("ExchangeAdmin").And.Contain("BankA.User2"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillGet_AsAParty_ConnectsToItsBanksPeerAsItsUserAndPrintsATable()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "CoreCorp");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Peers.Connected.Single().Address, Is.EqualTo("127.0.0.1:9051"));
            Assert.That(proposal.CreatorMspId, Is.EqualTo("BankAMSP"));
            Assert.That(CreatorSubject(proposal), Does.Contain("CN=User3@banka.example.com"));
            Assert.That(proposal.Function, Is.EqualTo("GetBill"));
            Assert.That(proposal.ChannelId, Is.EqualTo("fabfin"));
            Assert.That(result.Output, Does.Contain("bill B1").And.Contain("SupplierA").And.Contain("100,000.00 CNY").And.Contain("trail"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillGet_Json_PrintsTheRecordAsTheContractWritesIt()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        var bill = Samples.Bill();
        host.Gateway.Handler = _ => FakeOutcome.Ok(bill);

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "Regulator", "--json");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(result.Output, Is.EqualTo(ContractJson.Serialize(bill)));
            Assert.That(result.Output, Does.StartWith("""{"acceptor":"BankA","amount":10000000,"currency":"CNY","dealId":null,"""));
            Assert.That(host.Peers.Connected.Single().Address, Is.EqualTo("127.0.0.1:11051"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillIssue_Options_SubmitsTheRequestAndPrintsTheCommit()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill(status: BillStatus.PendingAcceptance, holder: "CoreCorp")) with { BlockNumber = 31 };

        // Act
        var result = await host.RunAsync(
            "bill", "issue", "B1", "--as", "CoreCorp", "--kind", "bank", "--payee", "SupplierA", "--acceptor", "BankA",
            "--amount", "10000000", "--due", "2026-06-30", "--not-transferable");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(proposal.Function, Is.EqualTo("IssueBill"));
            Assert.That(
                proposal.Args,
                Is.EqualTo(new[] { """{"id":"B1","kind":"bank","payee":"SupplierA","acceptor":"BankA","amount":10000000,"dueDate":"2026-06-30","transferable":false}""" }));
            Assert.That(result.Output, Does.Contain("PendingAcceptance").And.Contain("committed in block 31").And.Contain(proposal.TransactionId));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillEndorse_Json_PrintsOnlyTheRecord()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        var moved = Samples.Bill("B1.1", holder: "SupplierB", amount: 4_000_000);
        host.Gateway.Handler = _ => FakeOutcome.Ok(moved);

        // Act
        var result = await host.RunAsync("bill", "endorse", "B1", "--as", "SupplierA", "--to", "SupplierB", "--amount", "4000000", "--json");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.Proposals.Single().Args, Is.EqualTo(new[] { "B1", "SupplierB", "4000000" }));
            Assert.That(result.Output, Is.EqualTo(ContractJson.Serialize(moved)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealDiscount_Rate_TravelsAsTransientData()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Deal());

        // Act
        var result = await host.RunAsync("deal", "discount", "D1", "--as", "SupplierA", "--bill", "B1", "--buyer", "BankA", "--rate", "350");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(proposal.Function, Is.EqualTo("RequestDiscount"));
            Assert.That(proposal.Args, Is.EqualTo(new[] { """{"dealId":"D1","billId":"B1","buyer":"BankA"}""" }));
            Assert.That(proposal.Transient["terms"], Is.EqualTo("""{"rateBps":350}"""));
            Assert.That(result.Output, Does.Contain("deal D1").And.Contain("Requested"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealSettle_PaymentRef_TravelsAsTransientData()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Deal(status: DealStatus.Settled));

        // Act
        var result = await host.RunAsync("deal", "settle", "D1", "--as", "Exchange", "--payment-ref", "CNAPS-1");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(proposal.CreatorMspId, Is.EqualTo("ExchangeMSP"));
            Assert.That(proposal.Args, Is.EqualTo(new[] { "D1" }));
            Assert.That(proposal.Transient["settlement"], Is.EqualTo("""{"paymentRef":"CNAPS-1"}"""));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillPresent_At_StampsTheProposalWithThatTime()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill(status: BillStatus.Presented));

        // Act
        var result = await host.RunAsync("bill", "present", "B1", "--as", "BankA", "--at", "2026-06-30T10:00:00+08:00");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.Proposals.Single().Timestamp, Is.EqualTo(new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.FromHours(8))));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Init_AsExchangeAdmin_SendsTheConfigSignedByTheAdmin()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Config());

        // Act
        var result = await host.RunAsync("init", "--as", "ExchangeAdmin");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(proposal.Function, Is.EqualTo("InitLedger"));
            Assert.That(CreatorSubject(proposal), Does.Contain("CN=Admin@exchange.example.com"));
            Assert.That(JsonSerializer.Deserialize<LedgerConfig>(proposal.Args[0], BillJson.Options), Is.EqualTo(Samples.Config()));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PartyRegister_SubjectOf_TakesMspAndSubjectFromThatIdentitysCertificate()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Party("SupplierB"));

        // Act
        var result = await host.RunAsync("party", "register", "SupplierB", "--as", "Exchange", "--kind", "enterprise", "--name", "Supplier B", "--subject-of", "SupplierB");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(
                host.Gateway.Proposals.Single().Args,
                Is.EqualTo(new[] { """{"id":"SupplierB","kind":"enterprise","mspId":"BankBMSP","name":"Supplier B","subject":"CN=User3@bankb.example.com,OU=client,L=San Francisco,ST=California,C=US"}""" }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PartySuspend_Party_SendsSuspended()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Party(status: PartyStatus.Suspended));

        // Act
        var result = await host.RunAsync("party", "suspend", "CoreCorp", "--as", "Exchange");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.Proposals.Single().Args, Is.EqualTo(new[] { "CoreCorp", "suspended" }));
            Assert.That(result.Output, Does.Contain("suspended"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillList_All_WalksPagesAndPrintsTheArrayWithJson()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = p => FakeOutcome.Ok(p.Args[2] == "" ? new BillPage([Samples.Bill("B1")], "B2") : new BillPage([Samples.Bill("B2")], ""));

        // Act
        var result = await host.RunAsync("bill", "list", "--as", "Regulator", "--status", "Active", "--page-size", "1", "--all", "--json");

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(json.RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString()), Is.EqualTo(new[] { "B1", "B2" }));
            Assert.That(host.Gateway.Proposals.Select(p => p.Args[0]), Is.All.EqualTo("""{"status":"Active"}"""));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BillList_OnePage_PrintsTheBookmarkToContinue()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(new BillPage([Samples.Bill("B1")], "B2"));

        // Act
        var result = await host.RunAsync("bill", "list", "--as", "Regulator", "--holder", "SupplierA", "--due-to", "2026-12-31");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.Proposals.Single().Args, Is.EqualTo(new[] { """{"holder":"SupplierA","dueTo":"2026-12-31"}""", "100", "" }));
            Assert.That(result.Output, Does.Contain("B1").And.Contain("--bookmark B2"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealTerms_MatchingHash_PrintsVerifiedTermsAndCanonicalJson()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        var terms = new DealTerms(120, 116_667, null, 9_883_333, 350);
        host.Gateway.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(Samples.Deal(status: DealStatus.Accepted, termsHash: terms.ComputeHash())) : FakeOutcome.Ok(terms);

        using var jsonHost = new CliHost(CliNetwork.Sample) { Gateway = { Handler = host.Gateway.Handler } };

        // Act
        var table = await host.RunAsync("deal", "terms", "D1", "--as", "BankA");
        var json = await jsonHost.RunAsync("deal", "terms", "D1", "--as", "BankA", "--json");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(table.Output, Does.Contain("verified").And.Contain("350 bps"));
            Assert.That(json.Output, Is.EqualTo(System.Text.Encoding.UTF8.GetString(terms.ToCanonicalJson())));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealTerms_PeerOrg_ReadsTheTermsFromThatOrgsPeer()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(Samples.Deal()) : FakeOutcome.Ok(DealTerms.Proposed(350));

        // Act
        var result = await host.RunAsync("deal", "terms", "D1", "--as", "Regulator", "--peer-org", "ExchangeMSP");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.ProposalsOf("GetDealTerms").Single().TargetOrganizations, Is.EqualTo(new[] { "ExchangeMSP" }));
            Assert.That(host.Gateway.ProposalsOf("GetDealTerms").Single().CreatorMspId, Is.EqualTo("RegulatorMSP"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealTerms_HashMismatch_ExitsFive()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(Samples.Deal(termsHash: new string('a', 64))) : FakeOutcome.Ok(DealTerms.Proposed(350));

        // Act
        var result = await host.RunAsync("deal", "terms", "D1", "--as", "Regulator");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(5));
            Assert.That(host.ErrorText, Does.Contain("TERMS MISMATCH"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Refusal_RulebookCode_PrintsCodeAndSentenceInRedAndExitsOne()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Error.EmitAnsiSequences = true;
        host.Gateway.Handler = _ => FakeOutcome.Refuse(BillErrorCode.NotFound, "bill B9 does not exist.");

        // Act
        var result = await host.RunAsync("bill", "accept", "B9", "--as", "BankA");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(host.ErrorText, Does.Contain("NOT_FOUND").And.Contain("bill B9 does not exist."));
            Assert.That(host.ErrorText, Does.Contain("\u001b["), "the message is coloured");
            Assert.That(result.Output, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Conflict_MvccReadConflict_ExitsFour()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Deal()) with { CommitCode = TxValidationCode.MvccReadConflict };

        // Act
        var result = await host.RunAsync("deal", "discount", "D1", "--as", "SupplierA", "--bill", "B1", "--buyer", "BankA", "--rate", "350");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(4));
            Assert.That(host.ErrorText, Does.Contain("CONFLICT").And.Contain("MvccReadConflict"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NetworkFailure_PeerUnavailable_ExitsThree()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Fail(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "BankA");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(host.ErrorText, Does.Contain("NETWORK").And.Contain("Unavailable"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MissingNetworkFile_ExitsThree()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "BankA", "--network", "/nonexistent/network.json");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(host.ErrorText, Does.Contain("/nonexistent/network.json"));
        });
    }

    [TestCase(new[] { "bill", "get", "B1" }, "--as", TestName = "Usage_NoIdentity_ExitsTwo")]
    [TestCase(new[] { "bill", "get", "B1", "--as", "Nobody" }, "Unknown identity 'Nobody'", TestName = "Usage_UnknownIdentity_ExitsTwo")]
    [TestCase(new[] { "bill", "reject", "B1", "--as", "BankA" }, "reason", TestName = "Usage_MissingRequiredOption_ExitsTwo")]
    [TestCase(new[] { "bill", "steal", "B1" }, "steal", TestName = "Usage_UnknownCommand_ExitsTwo")]
    [TestCase(new[] { "bill", "get", "B1", "--as", "BankA", "--colour" }, "colour", TestName = "Usage_UnknownOption_ExitsTwo")]
    [TestCase(new[] { "bill", "issue", "B1", "--as", "CoreCorp", "--kind", "bank", "--payee", "SupplierA", "--acceptor", "BankA", "--amount", "5", "--due", "30/06/2026" }, "YYYY-MM-DD", TestName = "Usage_BadDate_ExitsTwo")]
    [TestCase(new[] { "bill", "endorse", "B1", "--as", "SupplierA", "--to", "SupplierB", "--amount", "0" }, "amount", TestName = "Usage_AmountZero_ExitsTwoBeforeSending")]
    [TestCase(new[] { "bill", "present", "B1", "--as", "BankA", "--at", "noon" }, "ISO-8601", TestName = "Usage_BadTimestamp_ExitsTwo")]
    [TestCase(new[] { "deal", "discount", "D1", "--as", "SupplierA", "--bill", "B1", "--buyer", "BankA", "--rate", "lots" }, "lots", TestName = "Usage_RateNotANumber_ExitsTwo")]
    [TestCase(new[] { "watch", "--as", "BankA", "--at", "2026-07-01" }, "--at", TestName = "Usage_WatchWithAt_ExitsTwo")]
    [TestCase(new[] { "party", "register", "P1", "--as", "Exchange", "--kind", "bank", "--name", "P" }, "--msp", TestName = "Usage_RegisterWithoutMsp_ExitsTwo")]
    [CancelAfter(10_000)]
    public async Task Usage_BadCommandLine_ExitsTwoAndSendsNothing(string[] args, string mentioned)
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var result = await host.RunAsync(args);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), host.ErrorText + result.Output);
            Assert.That(host.ErrorText + result.Output, Does.Contain(mentioned));
            Assert.That(host.Gateway.Proposals, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task As_FromEnvironment_IsTheDefaultIdentity()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Variables["FABFIN_AS"] = "SupplierB";
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var result = await host.RunAsync("bill", "get", "B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Gateway.Proposals.Single().CreatorMspId, Is.EqualTo("BankBMSP"));
            Assert.That(host.Peers.Connected.Single().Address, Is.EqualTo("127.0.0.1:10051"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Via_OtherOrg_ConnectsThroughThatOrgsPeerAsTheSameIdentity()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "Regulator", "--via", "ExchangeMSP");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Peers.Connected.Single().Address, Is.EqualTo("127.0.0.1:7051"));
            Assert.That(host.Gateway.Proposals.Single().CreatorMspId, Is.EqualTo("RegulatorMSP"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Via_UnknownOrg_ExitsTwo()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "Regulator", "--via", "OrdererMSP");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(host.ErrorText, Does.Contain("OrdererMSP"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Chaincode_Option_TargetsThatChaincode()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok<IReadOnlyList<Party>>([Samples.Party()]);

        // Act
        var result = await host.RunAsync("party", "list", "--as", "BankA", "--chaincode", "bills-v2", "--channel", "other");

        // Assert
        var proposal = host.Gateway.Proposals.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(proposal.ChaincodeName, Is.EqualTo("bills-v2"));
            Assert.That(proposal.ChannelId, Is.EqualTo("other"));
            Assert.That(result.Output, Does.Contain("CoreCorp"));
        });
    }

    private static string CreatorSubject(FakeProposal proposal)
    {
        var header = proposal.Header;
        var signature = Hyperledger.Fabric.Protos.Common.SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var creator = Hyperledger.Fabric.Protos.Msp.SerializedIdentity.Parser.ParseFrom(signature.Creator);
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(creator.IdBytes.ToStringUtf8());
        return certificate.Subject;
    }
}
