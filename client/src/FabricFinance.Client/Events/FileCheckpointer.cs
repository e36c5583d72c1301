using System.Text.Json;
using FabricFinance.Client.Internal;

namespace FabricFinance.Client.Events;

/// <summary>
/// A checkpointer that keeps its position in a small JSON file, so an application resumes its event streams where it
/// stopped, across restarts.
/// </summary>
/// <remarks>
/// <para>
/// The file holds <c>{"blockNumber":12,"transactionId":"…"}</c> (the same shape as the Go Gateway client's file
/// checkpointer); a property is left out while it has no value. Each checkpoint writes a new temporary file in the same
/// folder, flushes it to disk and renames it over the checkpoint file, so a crash leaves either the old or the new
/// position, never a partial file.
/// </para>
/// <para>
/// Checkpoints are written one at a time, in call order, and the in-memory position changes only once the file is
/// written. Create one instance per file with <see cref="CreateAsync"/>, and dispose it when done.
/// </para>
/// </remarks>
public sealed class FileCheckpointer : ICheckpointer, IDisposable
{
    private const string BlockNumberProperty = "blockNumber";
    private const string TransactionIdProperty = "transactionId";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile CheckpointPosition _position;

    private FileCheckpointer(string path, CheckpointPosition position)
    {
        Path = path;
        _position = position;
    }

    /// <summary>Gets the full path of the checkpoint file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public ulong? BlockNumber => _position.BlockNumber;

    /// <inheritdoc/>
    public string? TransactionId => _position.TransactionId;

    /// <summary>
    /// Opens a checkpoint file: loads the position it holds, or creates it with no position when it does not exist.
    /// </summary>
    /// <param name="path">The file's path; its folder must exist.</param>
    /// <param name="cancellationToken">A token that cancels reading and writing the file.</param>
    /// <returns>The checkpointer, positioned where the file says.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    /// <exception cref="InvalidDataException">The file exists but does not hold a checkpoint.</exception>
    /// <exception cref="IOException">The file cannot be read or written, for example because its folder does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read or write the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<FileCheckpointer> CreateAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);

        var position = CheckpointPosition.None;
        if (File.Exists(fullPath))
        {
            var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
            position = Deserialize(bytes, fullPath);
        }

        var checkpointer = new FileCheckpointer(fullPath, position);
        // Writing at once proves the folder is writable before any event is processed.
        await WriteFileAsync(fullPath, position, cancellationToken).ConfigureAwait(false);
        return checkpointer;
    }

    /// <inheritdoc cref="ICheckpointer.CheckpointBlockAsync"/>
    /// <exception cref="IOException">The file cannot be written; the position is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The checkpointer was disposed.</exception>
    public ValueTask CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default) =>
        SaveAsync(CheckpointPosition.AfterBlock(blockNumber), cancellationToken);

    /// <inheritdoc cref="ICheckpointer.CheckpointTransactionAsync"/>
    /// <exception cref="IOException">The file cannot be written; the position is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The checkpointer was disposed.</exception>
    public ValueTask CheckpointTransactionAsync(ulong blockNumber, string? transactionId, CancellationToken cancellationToken = default) =>
        SaveAsync(CheckpointPosition.At(blockNumber, transactionId), cancellationToken);

    /// <inheritdoc cref="ICheckpointer.CheckpointChaincodeEventAsync"/>
    /// <exception cref="IOException">The file cannot be written; the position is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The checkpointer was disposed.</exception>
    public ValueTask CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincodeEvent);
        return CheckpointTransactionAsync(chaincodeEvent.BlockNumber, chaincodeEvent.TransactionId, cancellationToken);
    }

    /// <summary>Releases the write lock. The file stays as it is.</summary>
    public void Dispose() => _writeLock.Dispose();

    private async ValueTask SaveAsync(CheckpointPosition position, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteFileAsync(Path, position, cancellationToken).ConfigureAwait(false);
            _position = position;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task WriteFileAsync(string path, CheckpointPosition position, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(path) ?? throw new IOException($"The checkpoint path {path} has no folder.");
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Serialize(position), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more than a stray temporary file.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static byte[] Serialize(CheckpointPosition position)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (position.BlockNumber is { } blockNumber)
            {
                writer.WriteNumber(BlockNumberProperty, blockNumber);
            }

            if (position.TransactionId is { } transactionId)
            {
                writer.WriteString(TransactionIdProperty, transactionId);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static CheckpointPosition Deserialize(byte[] bytes, string path)
    {
        if (bytes.Length == 0)
        {
            return CheckpointPosition.None;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The checkpoint file {path} does not hold a JSON object.");
            }

            ulong? blockNumber = root.TryGetProperty(BlockNumberProperty, out var block) && block.ValueKind != JsonValueKind.Null
                ? block.GetUInt64()
                : null;
            string? transactionId = root.TryGetProperty(TransactionIdProperty, out var transaction) && transaction.ValueKind != JsonValueKind.Null
                ? transaction.GetString()
                : null;
            if (string.IsNullOrEmpty(transactionId))
            {
                transactionId = null;
            }

            if (blockNumber is null && transactionId is not null)
            {
                throw new InvalidDataException($"The checkpoint file {path} names a transaction but no block.");
            }

            return new CheckpointPosition(blockNumber, transactionId);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"The checkpoint file {path} does not hold a checkpoint: {ex.Message}", ex);
        }
    }
}
