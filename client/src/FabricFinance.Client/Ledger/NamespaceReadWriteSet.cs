namespace FabricFinance.Client.Ledger;

/// <summary>
/// The keys one namespace (a chaincode, or a system namespace such as <c>_lifecycle</c>) read and wrote in a
/// transaction's simulation.
/// </summary>
/// <param name="Namespace">The namespace: usually the chaincode's name.</param>
/// <param name="ReadKeys">The keys read, in order.</param>
/// <param name="WrittenKeys">The keys written with a value, in order.</param>
/// <param name="DeletedKeys">The keys deleted, in order.</param>
/// <param name="Collections">
/// The private data collections the namespace touched; their keys are on the ledger only as hashes.
/// </param>
public sealed record NamespaceReadWriteSet(
    string Namespace,
    IReadOnlyList<string> ReadKeys,
    IReadOnlyList<string> WrittenKeys,
    IReadOnlyList<string> DeletedKeys,
    IReadOnlyList<string> Collections);
