using System.Text;
using System.Text.Json;
using FabricFinance.Client.Events;

namespace FabricFinance.Client.Tests.Events;

public class FileCheckpointerTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "fabfin-checkpoints-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CreateAsync_NoFile_NoPositionAndFileCreated()
    {
        // Arrange
        var path = Path.Combine(_folder, "events.json");

        // Act
        using var checkpointer = await FileCheckpointer.CreateAsync(path);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.Null);
            Assert.That(checkpointer.TransactionId, Is.Null);
            Assert.That(checkpointer.Path, Is.EqualTo(path));
            Assert.That(File.ReadAllText(path), Is.EqualTo("{}"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointTransactionAsync_NewInstanceOnSameFile_ResumesAtSamePosition()
    {
        // Arrange
        var path = Path.Combine(_folder, "events.json");
        using (var first = await FileCheckpointer.CreateAsync(path))
        {
            await first.CheckpointChaincodeEventAsync(new ChaincodeEvent(41, "tx-41-2", "bills", "Issued", ReadOnlyMemory<byte>.Empty));
        }

        // Act
        using var second = await FileCheckpointer.CreateAsync(path);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(second.BlockNumber, Is.EqualTo(41UL));
            Assert.That(second.TransactionId, Is.EqualTo("tx-41-2"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointBlockAsync_Block_FileHoldsNextBlockWithoutTransaction()
    {
        // Arrange
        var path = Path.Combine(_folder, "blocks.json");
        using var checkpointer = await FileCheckpointer.CreateAsync(path);
        await checkpointer.CheckpointTransactionAsync(3, "tx-3");

        // Act
        await checkpointer.CheckpointBlockAsync(3);

        // Assert
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("blockNumber").GetUInt64(), Is.EqualTo(4UL));
            Assert.That(json.RootElement.TryGetProperty("transactionId", out _), Is.False);
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(4UL));
            Assert.That(checkpointer.TransactionId, Is.Null);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CreateAsync_FileWrittenByGoClient_LoadsPosition()
    {
        // Arrange: the Go Gateway client's file checkpointer writes an empty transaction id after a block checkpoint.
        var path = Path.Combine(_folder, "go.json");
        await File.WriteAllTextAsync(path, """{"blockNumber":17,"transactionId":""}""");

        // Act
        using var checkpointer = await FileCheckpointer.CreateAsync(path);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(17UL));
            Assert.That(checkpointer.TransactionId, Is.Null);
        });
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{"blockNumber":-1}""")]
    [TestCase("""{"transactionId":"tx-without-block"}""")]
    [CancelAfter(10_000)]
    public async Task CreateAsync_CorruptFile_ThrowsInvalidDataExceptionNamingTheFile(string content)
    {
        // Arrange
        var path = Path.Combine(_folder, "corrupt.json");
        await File.WriteAllTextAsync(path, content);

        // Act
        var ex = Assert.ThrowsAsync<InvalidDataException>(async () => await FileCheckpointer.CreateAsync(path));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain(path));
            Assert.That(File.ReadAllText(path), Is.EqualTo(content), "a corrupt file is left for inspection");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointTransactionAsync_WriteFails_ThrowsAndKeepsPreviousPosition()
    {
        // Arrange
        var folder = Path.Combine(_folder, "gone");
        Directory.CreateDirectory(folder);
        using var checkpointer = await FileCheckpointer.CreateAsync(Path.Combine(folder, "events.json"));
        await checkpointer.CheckpointTransactionAsync(5, "tx-5");
        Directory.Delete(folder, recursive: true);

        // Act
        Assert.ThrowsAsync<DirectoryNotFoundException>(async () => await checkpointer.CheckpointTransactionAsync(6, "tx-6"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(5UL));
            Assert.That(checkpointer.TransactionId, Is.EqualTo("tx-5"));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task CheckpointTransactionAsync_ConcurrentReaders_AlwaysSeeACompleteCheckpointAndNoTemporaryFilesRemain()
    {
        // Arrange
        var path = Path.Combine(_folder, "atomic.json");
        using var checkpointer = await FileCheckpointer.CreateAsync(path);
        var longTransactionId = new string('a', 4096);
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                string text;
                try
                {
                    text = File.ReadAllText(path, Encoding.UTF8);
                }
                catch (IOException)
                {
                    continue;
                }

                Interlocked.Increment(ref reads);
                try
                {
                    using var json = JsonDocument.Parse(text);
                    if (json.RootElement.TryGetProperty("transactionId", out var id) && id.GetString()!.Length != longTransactionId.Length + 1)
                    {
                        torn++;
                    }
                }
                catch (JsonException)
                {
                    torn++;
                }
            }
        });

        // Act: keep writing until the reader has overlapped many writes.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (ulong block = 0; (block < 300 || Volatile.Read(ref reads) < 300) && DateTime.UtcNow < deadline; block++)
        {
            await checkpointer.CheckpointTransactionAsync(block, $"{longTransactionId}{block % 10}");
        }

        await stop.CancelAsync();
        await reader;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(reads, Is.GreaterThanOrEqualTo(300));
            Assert.That(torn, Is.Zero, "a reader saw a partly written checkpoint");
            Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }), "temporary files are renamed or removed");
        });
    }
}
