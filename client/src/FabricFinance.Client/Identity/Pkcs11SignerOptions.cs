namespace FabricFinance.Client.Identity;

/// <summary>Where a <see cref="Pkcs11Signer"/> finds its key: the PKCS#11 library, the token, the PIN and the key.</summary>
/// <example>
/// <code>
/// using var signer = Signers.NewPkcs11Signer(new Pkcs11SignerOptions
/// {
///     LibraryPath = "/usr/lib/softhsm/libsofthsm2.so",
///     TokenLabel = "fabric",
///     Pin = Environment.GetEnvironmentVariable("HSM_PIN"),
///     KeyId = Convert.FromHexString(subjectKeyIdentifier),
/// });
/// </code>
/// </example>
public sealed class Pkcs11SignerOptions
{
    /// <summary>Gets or sets the path of the token vendor's PKCS#11 library, for example <c>/usr/lib/softhsm/libsofthsm2.so</c>.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Gets or sets the label of the token that holds the key.</summary>
    public string? TokenLabel { get; set; }

    /// <summary>Gets or sets the user PIN that unlocks the token.</summary>
    public string? Pin { get; set; }

    /// <summary>
    /// Gets or sets the label (<c>CKA_LABEL</c>) of the private key. Give it, <see cref="KeyId"/>, or both; exactly one
    /// private key must match.
    /// </summary>
    public string? KeyLabel { get; set; }

    /// <summary>
    /// Gets or sets the identifier (<c>CKA_ID</c>) of the private key; Fabric tools usually set it to the subject key
    /// identifier of the key's certificate. Empty (the default) matches any identifier.
    /// </summary>
    public ReadOnlyMemory<byte> KeyId { get; set; }
}
