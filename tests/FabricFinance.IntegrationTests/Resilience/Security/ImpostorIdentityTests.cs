using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Bills;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5: identities that carry a party's exact certificate subject but are not that party.
/// cryptogen names users per org (UserN@domain), so the tests mint them: one issued by BankA's own CA
/// (a valid BankAMSP identity) with SupplierB's subject, which must act for BankA's institution and
/// never for SupplierB (a party is found by MSP and subject together); and one from a CA outside the
/// channel claiming BankBMSP, which the peer refuses before any chaincode runs.
/// </summary>
[Category("Integration")]
public sealed class ImpostorIdentityTests
{
    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task SameSubjectFromAnotherMsp_ActsForThatMspsInstitutionNeverForTheParty(CancellationToken ct)
    {
        // Arrange: a bill SupplierB holds; an identity of BankAMSP whose subject is exactly SupplierB's.
        M.Clock.SetBusinessDate(new DateOnly(2027, 9, 6));
        var billId = NewId("impostor");
        await Step(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, "SupplierB", BankAId, 10_000, new DateOnly(2027, 12, 6), Transferable: true), ct), ct);
        await Step(M.BankA.Bills.AcceptBillAsync(billId, ct), ct);
        var commonName = PartySubjectCommonName(M.SupplierB.Subject);
        var (caCertificate, caKey) = MintedCertificates.CaFilesOf(FabricNetwork.BankA);
        var (certificate, key) = MintedCertificates.IssueClient(commonName, caCertificate, caKey);
        using var impostor = new AdHocGateway(FabricNetwork.BankA, FabricNetwork.BankA, certificate, key, M.Clock);

        // Act
        var endorse = Assert.CatchAsync<BillMarketException>(() => impostor.Bills.EndorseBillAsync(billId, "SupplierA", cancellationToken: ct));
        var bill = await M.Regulator.Bills.GetBillAsync(billId, ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(PartySubject.FromPem(certificate), Is.EqualTo(M.SupplierB.Subject), "the minted subject renders exactly as SupplierB's");
            Assert.That(endorse, Is.InstanceOf<BillForbiddenException>());
            Assert.That(endorse!.Sentence, Does.Contain("acts for bank BankA"), "it is BankA's institution, not SupplierB");
            Assert.That((bill.Holder, bill.Version), Is.EqualTo(("SupplierB", 2L)), "nothing moved");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task SameSubjectFromACaOutsideTheChannel_RefusedByThePeer(CancellationToken ct)
    {
        // Arrange: SupplierB's exact subject and MSP id, but issued by a CA nobody on the channel trusts.
        var (_, certificate, key) = MintedCertificates.IssueFromStrangeCa(PartySubjectCommonName(M.SupplierB.Subject));
        using var forger = new AdHocGateway(FabricNetwork.BankB, FabricNetwork.BankB, certificate, key, M.Clock);

        // Act
        var refusal = Assert.CatchAsync<Exception>(() => forger.Bills.ListPartiesAsync(ct));

        // Assert
        Assert.That(refusal, Is.InstanceOf<GatewayException>().And.Not.InstanceOf<BillMarketException>(), "refused by the peer's MSP check, not by the chaincode");
        await TestContext.Out.WriteLineAsync($"forged identity: {refusal!.GetType().Name}: {refusal.Message} | {string.Join("; ", ((GatewayException)refusal).Details)}");
    }

    /// <summary>The CN of a subject as the contract renders it (<c>CN=…,OU=client,…</c>).</summary>
    private static string PartySubjectCommonName(string subject) => subject.Split(',')[0]["CN=".Length..];
}
