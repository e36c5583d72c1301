using System.Security.Cryptography;
using System.Text;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>Hashes computed in the tests themselves, not with the model's helpers.</summary>
public static class Hashes
{
    /// <summary>Lowercase hex SHA-256 of a text's UTF-8 bytes.</summary>
    /// <param name="text">The text, e.g. a canonical terms JSON written out by hand.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
