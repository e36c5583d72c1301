using System.Text;

namespace FabricFinance.Chaincode.Testing.Tests.Infrastructure;

/// <summary>Shared identities and small helpers for the in-memory ledger tests.</summary>
public static class Ledgers
{
    public static TestIdentity Alice { get; } = TestIdentity.Create("Org1MSP", "alice");

    public static TestIdentity Bob { get; } = TestIdentity.Create("Org2MSP", "bob");

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    /// <summary>Runs a body as a transaction on chaincode "cc" and commits it; returns the commit.</summary>
    public static async Task<CommitResult> RunAsync(this InMemoryLedger ledger, Func<IChaincodeStub, Task> body, TransactionOptions? options = null)
    {
        var transaction = ledger.NewTransaction("cc", Alice, "fn", [], options);
        await body(transaction.Stub);
        return ledger.Commit(transaction);
    }

    /// <summary>Simulates a body as a transaction on chaincode "cc" without committing it.</summary>
    public static async Task<LedgerTransaction> SimulateAsync(this InMemoryLedger ledger, Func<IChaincodeStub, Task> body, TransactionOptions? options = null)
    {
        var transaction = ledger.NewTransaction("cc", Alice, "fn", [], options);
        await body(transaction.Stub);
        return transaction;
    }

    public static async Task<List<string>> KeysAsync(this IAsyncEnumerable<KeyValue> query)
    {
        var keys = new List<string>();
        await foreach (var kv in query)
        {
            keys.Add(kv.Key);
        }

        return keys;
    }
}
