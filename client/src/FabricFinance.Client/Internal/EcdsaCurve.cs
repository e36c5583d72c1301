using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace FabricFinance.Client.Internal;

/// <summary>The NIST curves Fabric's MSP signs with, and the group order each needs for low-S normalization.</summary>
internal sealed class EcdsaCurve
{
    public static readonly EcdsaCurve P256 = new(
        "P-256",
        "1.2.840.10045.3.1.7",
        ["nistP256", "ECDSA_P256", "secp256r1", "prime256v1"],
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        32);

    public static readonly EcdsaCurve P384 = new(
        "P-384",
        "1.3.132.0.34",
        ["nistP384", "ECDSA_P384", "secp384r1"],
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973",
        48);

    private readonly string _oid;
    private readonly string[] _friendlyNames;

    private EcdsaCurve(string name, string oid, string[] friendlyNames, string orderHex, int fieldSizeBytes)
    {
        Name = name;
        _oid = oid;
        _friendlyNames = friendlyNames;
        Order = BigInteger.Parse("0" + orderHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        HalfOrder = Order >> 1;
        FieldSizeBytes = fieldSizeBytes;
    }

    /// <summary>Gets the curve's NIST name.</summary>
    public string Name { get; }

    /// <summary>Gets n, the order of the curve's base point.</summary>
    public BigInteger Order { get; }

    /// <summary>Gets ⌊n/2⌋: a signature's S is "low" when it is at most this value.</summary>
    public BigInteger HalfOrder { get; }

    /// <summary>Gets the size in bytes of r and s in the IEEE P1363 signature form.</summary>
    public int FieldSizeBytes { get; }

    /// <summary>Finds the curve of a key.</summary>
    /// <exception cref="ArgumentException">The key is not on P-256 or P-384.</exception>
    public static EcdsaCurve Of(ECDsa key, string paramName)
    {
        ECCurve curve;
        try
        {
            curve = key.ExportParameters(includePrivateParameters: false).Curve;
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("The ECDSA key's parameters cannot be read.", paramName, ex);
        }

        if (curve.IsNamed)
        {
            foreach (var candidate in (ReadOnlySpan<EcdsaCurve>)[P256, P384])
            {
                if (candidate.Matches(curve.Oid))
                {
                    return candidate;
                }
            }
        }

        var described = curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "an explicit curve";
        throw new ArgumentException(
            $"The ECDSA key is on {described}; Fabric signing keys must be on NIST P-256 or P-384.", paramName);
    }

    /// <summary>Finds the curve with the given object identifier, for example <c>1.2.840.10045.3.1.7</c>.</summary>
    /// <returns>The curve, or <see langword="null"/> when it is neither P-256 nor P-384.</returns>
    public static EcdsaCurve? FromOid(string oid)
    {
        foreach (var candidate in (ReadOnlySpan<EcdsaCurve>)[P256, P384])
        {
            if (string.Equals(candidate._oid, oid, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private bool Matches(Oid? oid)
    {
        if (oid is null)
        {
            return false;
        }

        if (string.Equals(oid.Value, _oid, StringComparison.Ordinal))
        {
            return true;
        }

        return oid.FriendlyName is { } friendly
            && Array.Exists(_friendlyNames, name => string.Equals(name, friendly, StringComparison.OrdinalIgnoreCase));
    }
}
