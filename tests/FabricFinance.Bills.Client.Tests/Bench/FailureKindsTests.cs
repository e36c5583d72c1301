using System.Text.Json;
using FabricFinance.Bills.Cli.Bench;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using Grpc.Core;

namespace FabricFinance.Bills.Client.Tests.Bench;

/// <summary>Failures are counted by type and by what tells failures of a type apart.</summary>
public sealed class FailureKindsTests
{
    [Test]
    public void Classify_EachKindOfFailure_NamesTypeAndDetail()
    {
        // Arrange
        var commit = new CommitException("tx1", TransactionValidationCode.MvccReadConflict, 7);
        var cases = new (Exception Failure, string Kind)[]
        {
            (new BillConflictException("AcceptBill", commit), "BillConflictException/MvccReadConflict"),
            (new BillNotFoundException("bill B9 does not exist.", "GetBill", "tx2", null), "BillNotFoundException/NOT_FOUND"),
            (new CommitException("tx3", TransactionValidationCode.EndorsementPolicyFailure, 8), "CommitException/EndorsementPolicyFailure"),
            (new EndorseException("failed", "tx4", StatusCode.Aborted, [], null), "EndorseException/Aborted"),
            (new RpcException(new Status(StatusCode.Unavailable, "down")), "RpcException/Unavailable"),
            (new JsonException("bad"), "JsonException/unreadable answer"),
            (new TimeoutException(), "TimeoutException"),
        };

        // Act / Assert
        Assert.Multiple(() =>
        {
            foreach (var (failure, kind) in cases)
            {
                Assert.That(FailureKinds.Classify(failure), Is.EqualTo(kind));
            }
        });
    }
}
