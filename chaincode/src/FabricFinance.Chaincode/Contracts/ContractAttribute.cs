namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// Names a contract: a class whose <see cref="TransactionAttribute"/> methods clients call as
/// <c>name:Transaction</c> (or as <c>Transaction</c> alone when it is the default contract).
/// </summary>
/// <remarks>
/// The attribute is optional: without it a contract is named after its class. Every property
/// is also reported by <c>org.hyperledger.fabric:GetMetadata</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ContractAttribute : Attribute
{
    /// <summary>
    /// Gets or sets the contract's name; <see langword="null"/> uses the class name. Not empty,
    /// no white space, and not <c>org.hyperledger.fabric</c> (Fabric's system contract).
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether this is the default contract: the one that
    /// receives transaction names without a <c>contract:</c> prefix. At most one contract may be the
    /// default; when a chaincode has a single contract it is the default anyway.
    /// </summary>
    public bool IsDefault { get; set; }

    /// <summary>Gets or sets the title reported in the metadata; <see langword="null"/> uses the name.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the version reported in the metadata; <see langword="null"/> reports <c>latest</c>.</summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets a description reported in the metadata.</summary>
    public string? Description { get; set; }
}
