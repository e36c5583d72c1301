using System.Collections.Frozen;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>A contract, checked and compiled: its names, metadata and transactions by name.</summary>
internal sealed class ContractDescriptor(
    Type type,
    string name,
    bool isDefault,
    ContractAttribute? attribute,
    FrozenDictionary<string, TransactionDescriptor> transactions)
{
    public Type Type { get; } = type;

    public string Name { get; } = name;

    /// <summary>Gets a value indicating whether the contract declared itself the default.</summary>
    public bool DeclaredDefault { get; } = isDefault;

    public string Title { get; } = attribute?.Title ?? name;

    public string Version { get; } = attribute?.Version ?? "latest";

    public string? Description { get; } = attribute?.Description;

    public FrozenDictionary<string, TransactionDescriptor> Transactions { get; } = transactions;

    /// <summary>Gets the instance that serves every transaction, or <see langword="null"/> when each comes from dependency injection.</summary>
    public IContract? Instance { get; set; }
}
