using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

/// <summary>
/// A test double of <see cref="IChaincodeStub"/> over an in-memory, ordered key space: state reads,
/// writes, deletes, range queries, the event and the transaction's identity. It is a
/// <see cref="DispatchProxy"/>, so members the contract tests do not need (private data, history,
/// queries, ...) need no code here and throw <see cref="NotSupportedException"/> when called; members
/// added to the interface later do not break it.
/// </summary>
/// <remarks>
/// Writes are applied at once (a real peer shows them only after commit); the contract tests
/// never read their own writes. Public and unsealed because DispatchProxy derives from it at run time.
/// </remarks>
public class InMemoryStub : DispatchProxy
{
    private byte[][] _arguments = [];
    private SortedDictionary<string, byte[]> _state = new(StringComparer.Ordinal);

    /// <summary>Gets the transaction id the stub reports.</summary>
    public string TransactionId { get; private set; } = "tx1";

    /// <summary>Gets or sets the client identity the stub reports; reading it while unset throws, as a stub without a creator does.</summary>
    public ClientIdentity? ClientIdentity { get; set; }

    /// <summary>Gets the last event set, or <see langword="null"/>.</summary>
    public (string Name, byte[] Payload)? Event { get; private set; }

    /// <summary>Gets the key space; shared by every stub created over it.</summary>
    public SortedDictionary<string, byte[]> State => _state;

    /// <summary>Gets the stub as the interface the router sees.</summary>
    public IChaincodeStub Stub => (IChaincodeStub)(object)this;

    /// <summary>Creates a stub whose arguments are the UTF-8 strings given (the function name first).</summary>
    public static InMemoryStub Create(params string[] arguments) =>
        Create(new SortedDictionary<string, byte[]>(StringComparer.Ordinal), [.. arguments.Select(Encoding.UTF8.GetBytes)]);

    /// <summary>Creates a stub over an existing key space with raw arguments (the function name first).</summary>
    public static InMemoryStub Create(SortedDictionary<string, byte[]> state, params byte[][] arguments)
    {
        var proxy = (InMemoryStub)(object)Create<IChaincodeStub, InMemoryStub>();
        proxy._state = state;
        proxy._arguments = arguments;
        return proxy;
    }

    /// <summary>Creates a stub over an existing key space with string arguments (the function name first).</summary>
    public static InMemoryStub Create(SortedDictionary<string, byte[]> state, params string[] arguments) =>
        Create(state, [.. arguments.Select(Encoding.UTF8.GetBytes)]);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        args ??= [];
        return targetMethod.Name switch
        {
            "get_ChannelId" => "test-channel",
            "get_TransactionId" => TransactionId,
            "get_TransactionTimestamp" => new DateTimeOffset(2026, 11, 27, 3, 6, 37, TimeSpan.Zero),
            "get_Arguments" => _arguments.Select(a => (ReadOnlyMemory<byte>)a).ToArray(),
            "get_FunctionName" => _arguments.Length == 0 ? string.Empty : Encoding.UTF8.GetString(_arguments[0]),
            "get_Parameters" => _arguments.Skip(1).Select(a => Encoding.UTF8.GetString(a)).ToArray(),
            "get_CreatorMspId" => ClientIdentity?.MspId ?? "TestMSP",
            "get_TransientData" => new Dictionary<string, ReadOnlyMemory<byte>>(),
            "get_ClientIdentity" => ClientIdentity ?? throw new ChaincodeException("The in-memory stub has no creator."),
            "GetStateAsync" => Task.FromResult(_state.TryGetValue((string)args[0]!, out var value) ? (byte[]?)value.ToArray() : null),
            "PutStateAsync" => Put((string)args[0]!, (ReadOnlyMemory<byte>)args[1]!),
            "DeleteStateAsync" => Delete((string)args[0]!),
            "GetStateByRangeAsync" => Range((string)args[0]!, (string)args[1]!, (CancellationToken)args[2]!),
            "SetEvent" => SetEvent((string)args[0]!, (ReadOnlyMemory<byte>)args[1]!),
            _ => throw new NotSupportedException($"The in-memory stub does not implement {targetMethod.Name}."),
        };
    }

    private Task Put(string key, ReadOnlyMemory<byte> value)
    {
        _state[key] = value.ToArray();
        return Task.CompletedTask;
    }

    private Task Delete(string key)
    {
        _state.Remove(key);
        return Task.CompletedTask;
    }

    private object? SetEvent(string name, ReadOnlyMemory<byte> payload)
    {
        Event = (name, payload.ToArray());
        return null;
    }

    private async IAsyncEnumerable<KeyValue> Range(string startKey, string endKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (key, value) in _state.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.CompareOrdinal(key, startKey) >= 0 && (endKey.Length == 0 || string.CompareOrdinal(key, endKey) < 0))
            {
                yield return new KeyValue(key, value);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
