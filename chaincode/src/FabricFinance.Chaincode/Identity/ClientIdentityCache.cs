using System.Collections.Concurrent;
using Google.Protobuf;

namespace FabricFinance.Chaincode.Identity;

/// <summary>
/// The creators this chaincode process has already read, by their exact bytes. Reading a creator
/// means parsing its X.509 certificate, which on Linux goes through OpenSSL and costs about 120 µs:
/// more than the rest of a small transaction. A channel's transactions come from a handful of
/// identities, so each transaction after the first of its creator gets a copy of the identity read
/// before (<see cref="ClientIdentity.CopyForTransaction"/>).
/// </summary>
/// <remarks>
/// The key is the whole <c>SerializedIdentity</c> (MSP id and certificate), so two creators share an
/// entry only when they are the same bytes, and the identity read from them is a function of those
/// bytes: the cache changes no result. It holds at most <see cref="Capacity"/> creators and starts
/// again empty when a new one would exceed that, so memory stays bounded under any mix of clients.
/// Creators that do not parse are not kept.
/// </remarks>
internal sealed class ClientIdentityCache
{
    /// <summary>How many creators the shared cache holds.</summary>
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<ByteString, ClientIdentity> _identities = new();

    /// <summary>Initializes a cache of at most <paramref name="capacity"/> creators.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public ClientIdentityCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Gets the cache every stub of this process uses.</summary>
    public static ClientIdentityCache Shared { get; } = new();

    /// <summary>Gets the most creators the cache holds.</summary>
    public int Capacity { get; }

    /// <summary>Gets how many creators the cache holds now.</summary>
    public int Count => _identities.Count;

    /// <summary>Returns the identity of <paramref name="creator"/>, reading it only when the cache does not know it.</summary>
    /// <exception cref="ArgumentException">The creator cannot be read (see <see cref="ClientIdentity.FromSerializedIdentity"/>).</exception>
    public ClientIdentity Get(ByteString creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (_identities.TryGetValue(creator, out var known))
        {
            return known.CopyForTransaction();
        }

        var identity = ClientIdentity.FromSerializedIdentity(creator.Span);
        if (_identities.Count >= Capacity)
        {
            _identities.Clear();
        }

        // The cache keeps its own copy, so the caller's certificate object is the caller's alone.
        _identities.TryAdd(creator, identity.CopyForTransaction());
        return identity;
    }
}
