using System.Runtime.CompilerServices;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Transport;

/// <summary>
/// Adapts a gRPC bidirectional stream to <see cref="IChaincodeStream"/>. gRPC stream writers reject
/// concurrent writes, so writes are serialized here.
/// </summary>
internal sealed class GrpcChaincodeStream(
    IAsyncStreamReader<ChaincodeMessage> reader,
    IAsyncStreamWriter<ChaincodeMessage> writer) : IChaincodeStream, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async IAsyncEnumerable<ChaincodeMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }

    public async ValueTask WriteAsync(ChaincodeMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();
}
