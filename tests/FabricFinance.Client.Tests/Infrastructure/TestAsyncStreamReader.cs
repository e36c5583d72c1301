using System.Threading.Channels;
using Grpc.Core;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>A server stream fed by the test through a <see cref="Channel{T}"/>; it behaves like a gRPC stream on cancellation.</summary>
internal sealed class TestAsyncStreamReader<T> : IAsyncStreamReader<T>, IDisposable
    where T : class
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public bool Disposed { get; private set; }

    public void Write(T message)
    {
        if (!_channel.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The stream is complete.");
        }
    }

    /// <summary>Ends the stream normally, or with a failure that the next read throws.</summary>
    public void Complete(Exception? error = null) => _channel.Writer.Complete(error);

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            if (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)
                && _channel.Reader.TryRead(out var message))
            {
                _current = message;
                return true;
            }

            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));
        }
    }

    public void Dispose() => Disposed = true;
}
