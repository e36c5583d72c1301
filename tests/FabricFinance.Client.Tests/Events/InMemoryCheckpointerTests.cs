using FabricFinance.Client.Events;

namespace FabricFinance.Client.Tests.Events;

public class InMemoryCheckpointerTests
{
    [Test]
    public void New_NoCheckpoint_HasNoPosition()
    {
        // Arrange and Act
        var checkpointer = new InMemoryCheckpointer();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.Null);
            Assert.That(checkpointer.TransactionId, Is.Null);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointBlockAsync_Block_PositionIsStartOfNextBlock()
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();
        await checkpointer.CheckpointTransactionAsync(4, "tx-a");

        // Act
        await checkpointer.CheckpointBlockAsync(4);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(5UL));
            Assert.That(checkpointer.TransactionId, Is.Null);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointTransactionAsync_Transaction_PositionIsThatTransactionInItsBlock()
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();

        // Act
        await checkpointer.CheckpointTransactionAsync(7, "tx-b");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(7UL));
            Assert.That(checkpointer.TransactionId, Is.EqualTo("tx-b"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointChaincodeEventAsync_Event_PositionIsTheEventsTransaction()
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();
        var chaincodeEvent = new ChaincodeEvent(12, "tx-c", "bills", "Issued", "x"u8.ToArray());

        // Act
        await checkpointer.CheckpointChaincodeEventAsync(chaincodeEvent);

        // Assert
        Assert.That((checkpointer.BlockNumber, checkpointer.TransactionId), Is.EqualTo(((ulong?)12UL, "tx-c")));
    }

    [Test]
    public void CheckpointBlockAsync_LastPossibleBlock_ThrowsArgumentOutOfRangeException()
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();

        // Act
        var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await checkpointer.CheckpointBlockAsync(ulong.MaxValue));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("blockNumber"));
            Assert.That(checkpointer.BlockNumber, Is.Null);
        });
    }

    [TestCase("")]
    [TestCase(" ")]
    public void CheckpointTransactionAsync_BlankTransactionId_ThrowsArgumentException(string transactionId)
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();

        // Act
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await checkpointer.CheckpointTransactionAsync(1, transactionId));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("transactionId"));
    }

    [Test]
    public void CheckpointAsync_CancelledToken_ThrowsAndKeepsPosition()
    {
        // Arrange
        var checkpointer = new InMemoryCheckpointer();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // Act and Assert
        Assert.ThrowsAsync<OperationCanceledException>(async () => await checkpointer.CheckpointTransactionAsync(1, "tx", cancellation.Token));
        Assert.That(checkpointer.BlockNumber, Is.Null);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DefaultInterfaceMethods_CustomCheckpointer_BlockAndEventMapToTransactionCheckpoints()
    {
        // Arrange
        ICheckpointer checkpointer = new RecordingCheckpointer();

        // Act
        await checkpointer.CheckpointBlockAsync(9);
        var afterBlock = (checkpointer.BlockNumber, checkpointer.TransactionId);
        await checkpointer.CheckpointChaincodeEventAsync(new ChaincodeEvent(11, "tx-d", "bills", "Paid", ReadOnlyMemory<byte>.Empty));
        var afterEvent = (checkpointer.BlockNumber, checkpointer.TransactionId);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(afterBlock, Is.EqualTo(((ulong?)10UL, (string?)null)));
            Assert.That(afterEvent, Is.EqualTo(((ulong?)11UL, (string?)"tx-d")));
        });
    }

    /// <summary>A checkpointer that implements only what the interface requires, as an application's own store would.</summary>
    private sealed class RecordingCheckpointer : ICheckpointer
    {
        public ulong? BlockNumber { get; private set; }

        public string? TransactionId { get; private set; }

        public ValueTask CheckpointTransactionAsync(ulong blockNumber, string? transactionId, CancellationToken cancellationToken = default)
        {
            BlockNumber = blockNumber;
            TransactionId = transactionId;
            return ValueTask.CompletedTask;
        }
    }
}
