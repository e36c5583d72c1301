using System.Formats.Asn1;
using System.Numerics;

namespace FabricFinance.Client.Internal;

/// <summary>Converts ECDSA signatures to the form Fabric verifies: DER <c>SEQUENCE { r INTEGER, s INTEGER }</c> with low S.</summary>
internal static class EcdsaSignatures
{
    /// <summary>
    /// Converts an IEEE P1363 signature (r ‖ s, each <see cref="EcdsaCurve.FieldSizeBytes"/> long) to DER,
    /// replacing s by n − s when s &gt; n/2. Both (r, s) and (r, n − s) are valid signatures of the same
    /// digest; Fabric accepts only the low one, so that a signature cannot be altered into a second valid one.
    /// </summary>
    public static byte[] ToLowSDer(ReadOnlySpan<byte> p1363, EcdsaCurve curve)
    {
        if (p1363.Length != 2 * curve.FieldSizeBytes)
        {
            throw new ArgumentException(
                $"An IEEE P1363 signature on {curve.Name} is {2 * curve.FieldSizeBytes} bytes long, not {p1363.Length}.",
                nameof(p1363));
        }

        var r = new BigInteger(p1363[..curve.FieldSizeBytes], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(p1363[curve.FieldSizeBytes..], isUnsigned: true, isBigEndian: true);
        return EncodeDer(r, ToLowS(s, curve));
    }

    /// <summary>Returns s if it is low, n − s otherwise.</summary>
    public static BigInteger ToLowS(BigInteger s, EcdsaCurve curve) => s > curve.HalfOrder ? curve.Order - s : s;

    /// <summary>Encodes r and s as an ASN.1 DER <c>Ecdsa-Sig-Value</c> (RFC 3279).</summary>
    public static byte[] EncodeDer(BigInteger r, BigInteger s)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        return writer.Encode();
    }
}
