namespace FabricFinance.Chaincode.Contracts;

/// <summary>How a <see cref="ContractRouter"/> binds and serializes, and what its metadata says about the chaincode.</summary>
public sealed class ContractRouterOptions
{
    /// <summary>Gets or sets the serializer of arguments and results; <see cref="JsonTransactionSerializer.Default"/> unless set.</summary>
    public ITransactionSerializer Serializer { get; set; } = JsonTransactionSerializer.Default;

    /// <summary>
    /// Gets or sets the chaincode's title in the metadata; <see langword="null"/> uses the name of the
    /// assembly that declares the default (or first) contract.
    /// </summary>
    public string? Title { get; set; }

    /// <summary>
    /// Gets or sets the chaincode's version in the metadata; <see langword="null"/> uses the informational
    /// version of that assembly.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets a description of the chaincode for the metadata.</summary>
    public string? Description { get; set; }
}
