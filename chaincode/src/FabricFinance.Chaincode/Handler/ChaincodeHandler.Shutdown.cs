using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Handler;

/// <summary>Graceful shutdown: refuse new transactions while the running ones finish.</summary>
internal sealed partial class ChaincodeHandler
{
    /// <summary>The ERROR payload that refuses a transaction during shutdown.</summary>
    internal const string ShuttingDownMessage = "shutting down: the chaincode server is stopping and accepts no new transactions";

    private volatile bool _refusingTransactions;

    /// <summary>Gets the number of transactions running on this stream.</summary>
    public int RunningTransactions => _running.Count;

    /// <summary>Gets a value indicating whether new transactions are refused because the server is stopping.</summary>
    private bool IsRefusingTransactions => _refusingTransactions;

    /// <summary>
    /// From now on answers every new INIT or TRANSACTION with ERROR (<see cref="ShuttingDownMessage"/>),
    /// while the stream keeps serving the requests of the transactions already running. The returned
    /// task completes when none is running any more; it does not end the stream.
    /// </summary>
    public async Task StopAcceptingTransactionsAsync()
    {
        _refusingTransactions = true;
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values).ConfigureAwait(false);
        }
    }

    /// <summary>Answers a new INIT or TRANSACTION with ERROR because the server is stopping.</summary>
    private ValueTask RefuseWhileStoppingAsync(ChaincodeMessage message, TransactionKey key, CancellationToken cancellationToken)
    {
        LogRefusedWhileStopping(message.Type, key);
        return SendErrorAsync(key, ShuttingDownMessage, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refusing {Type} {Transaction}: shutting down")]
    private partial void LogRefusedWhileStopping(MessageType type, TransactionKey transaction);
}
