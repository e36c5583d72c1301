using FabricFinance.Bills.Client.Tests.Infrastructure;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>
/// Every rulebook code arrives as its own exception type; a lost race at commit as <see cref="BillConflictException"/>.
/// </summary>
public sealed class BillMarketClientErrorTests
{
    [TestCase(BillErrorCode.InvalidArgument, typeof(BillInvalidArgumentException))]
    [TestCase(BillErrorCode.NotFound, typeof(BillNotFoundException))]
    [TestCase(BillErrorCode.AlreadyExists, typeof(BillAlreadyExistsException))]
    [TestCase(BillErrorCode.Forbidden, typeof(BillForbiddenException))]
    [TestCase(BillErrorCode.InvalidState, typeof(BillInvalidStateException))]
    [TestCase(BillErrorCode.NotTransferable, typeof(BillNotTransferableException))]
    [TestCase(BillErrorCode.NotDue, typeof(BillNotDueException))]
    [TestCase(BillErrorCode.Overdue, typeof(BillOverdueException))]
    [TestCase(BillErrorCode.Frozen, typeof(BillFrozenException))]
    [CancelAfter(10_000)]
    public void Submit_ContractRefuses_ThrowsTheCodesException(BillErrorCode code, Type expected)
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Refuse(code, "bill B1 says no.");

        // Act
        var thrown = Assert.CatchAsync<BillMarketException>(() => market.Market.EndorseBillAsync("B1", "SupplierB"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf(expected));
            Assert.That(thrown!.Code, Is.EqualTo(code));
            Assert.That(thrown.Sentence, Is.EqualTo("bill B1 says no."));
            Assert.That(thrown.TransactionName, Is.EqualTo("EndorseBill"));
            Assert.That(thrown.TransactionId, Is.EqualTo(market.SingleProposal.TransactionId));
            Assert.That(thrown.InnerException, Is.TypeOf<EndorseException>());
            Assert.That(thrown.GatewayException, Is.SameAs(thrown.InnerException));
            Assert.That(thrown.Message, Does.Contain(BillErrorCodes.ToText(code) + ": bill B1 says no."));
            Assert.That(market.Fake.Methods, Is.EqualTo(new[] { "Endorse" }), "a refused transaction is never submitted");
        });
    }

    [TestCase(BillErrorCode.NotFound, typeof(BillNotFoundException))]
    [TestCase(BillErrorCode.Forbidden, typeof(BillForbiddenException))]
    [TestCase(BillErrorCode.InvalidArgument, typeof(BillInvalidArgumentException))]
    [CancelAfter(10_000)]
    public void Query_ContractRefuses_ThrowsTheCodesException(BillErrorCode code, Type expected)
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Refuse(code, "deal D9 is not yours to read.");

        // Act
        var thrown = Assert.CatchAsync<BillMarketException>(() => market.Market.GetDealTermsAsync("D9"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf(expected));
            Assert.That(thrown!.Sentence, Is.EqualTo("deal D9 is not yours to read."));
            Assert.That(thrown.TransactionName, Is.EqualTo("GetDealTerms"));
            Assert.That(thrown.InnerException, Is.TypeOf<TransactionException>());
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void Query_RefusalOnlyInStatusDetail_IsStillMapped()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Fail(new RpcException(new Status(StatusCode.Unknown, "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: bill B7 does not exist.")));

        // Act
        var thrown = Assert.CatchAsync<BillMarketException>(() => market.Market.GetBillAsync("B7"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<BillNotFoundException>());
            Assert.That(thrown!.Sentence, Is.EqualTo("bill B7 does not exist."));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void Submit_FailureWithoutRulebookCode_ThrowsTheGatewayException()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Fail(FakeGateway.Failure(
            StatusCode.Aborted,
            "failed to endorse transaction, see attached details for more info",
            ("peer0.banka.example.com:9051", "BankAMSP", "make sure the chaincode bills has been successfully defined on channel fabfin")));

        // Act
        var thrown = Assert.CatchAsync<GatewayException>(() => market.Market.AcceptBillAsync("B1"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<EndorseException>());
            Assert.That(thrown!.StatusCode, Is.EqualTo(StatusCode.Aborted));
            Assert.That(thrown.Details, Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void Submit_PeerUnavailable_ThrowsEndorseException()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Fail(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        // Act
        var thrown = Assert.CatchAsync<GatewayException>(() => market.Market.AcceptBillAsync("B1"));

        // Assert
        Assert.That(thrown!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
    }

    [TestCase(TxValidationCode.MvccReadConflict, TransactionValidationCode.MvccReadConflict)]
    [TestCase(TxValidationCode.PhantomReadConflict, TransactionValidationCode.PhantomReadConflict)]
    [CancelAfter(10_000)]
    public void Submit_CommittedWithReadConflict_ThrowsBillConflictException(TxValidationCode code, TransactionValidationCode expected)
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill()) with { CommitCode = code, BlockNumber = 11 };

        // Act
        var thrown = Assert.CatchAsync<BillInvalidStateException>(() => market.Market.EndorseBillAsync("B1", "SupplierB"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<BillConflictException>());
            var conflict = (BillConflictException)thrown!;
            Assert.That(conflict.Code, Is.EqualTo(BillErrorCode.InvalidState));
            Assert.That(conflict.ValidationCode, Is.EqualTo(expected));
            Assert.That(conflict.BlockNumber, Is.EqualTo(11UL));
            Assert.That(conflict.TransactionId, Is.EqualTo(market.SingleProposal.TransactionId));
            Assert.That(conflict.TransactionName, Is.EqualTo("EndorseBill"));
            Assert.That(conflict.InnerException, Is.TypeOf<CommitException>());
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void Submit_CommittedInvalidForAnotherReason_ThrowsCommitException()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill()) with { CommitCode = TxValidationCode.EndorsementPolicyFailure };

        // Act
        var thrown = Assert.CatchAsync<CommitException>(() => market.Market.AcceptBillAsync("B1"));

        // Assert
        Assert.That(thrown!.Code, Is.EqualTo(TransactionValidationCode.EndorsementPolicyFailure));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task EndorseBillAsync_FiftyConcurrentSalesOfOneBill_OneSucceedsAndFortyNineFailTyped()
    {
        // Arrange: the first endorsement wins; of the losers, some are refused at endorsement (the bill already moved)
        // and the others were endorsed on stale state and lose at commit.
        using var market = new TestMarket();
        var endorsed = 0;
        market.Fake.Handler = _ =>
        {
            var n = Interlocked.Increment(ref endorsed);
            return n == 1 ? FakeOutcome.Ok(Samples.Bill(holder: "BankA"))
                : n % 2 == 0 ? FakeOutcome.Refuse(BillErrorCode.InvalidState, "bill B1 is InDeal, not Active.")
                : FakeOutcome.Ok(Samples.Bill(holder: "BankA")) with { CommitCode = TxValidationCode.MvccReadConflict };
        };

        // Act
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(() => market.Market.EndorseBillAsync("B1", "SupplierB"))).ToList();
        var outcomes = new List<Exception?>();
        foreach (var attempt in attempts)
        {
            try
            {
                await attempt;
                outcomes.Add(null);
            }
            catch (Exception ex)
            {
                outcomes.Add(ex);
            }
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o is null), Is.EqualTo(1));
            Assert.That(outcomes.Count(o => o is BillInvalidStateException), Is.EqualTo(49));
            Assert.That(outcomes.Count(o => o is BillConflictException), Is.EqualTo(24));
            Assert.That(outcomes.Count(o => o is BillInvalidStateException and not BillConflictException), Is.EqualTo(25));
        });
    }
}
