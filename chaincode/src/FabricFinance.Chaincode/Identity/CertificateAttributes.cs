using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace FabricFinance.Chaincode.Identity;

/// <summary>
/// Reads the attributes Fabric CA puts in a certificate: extension 1.2.3.4.5.6.7.8.1, whose value is
/// the JSON <c>{"attrs":{"name":"value",...}}</c>.
/// </summary>
internal static class CertificateAttributes
{
    /// <summary>The extension Fabric CA uses for identity attributes.</summary>
    public const string ExtensionOid = "1.2.3.4.5.6.7.8.1";

    /// <summary>Returns the attributes sorted by name (ordinal); empty when the certificate has none.</summary>
    /// <exception cref="ArgumentException">The extension is not the JSON Fabric CA writes.</exception>
    public static SortedDictionary<string, string> Read(X509Certificate2 certificate)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var extension = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == ExtensionOid);
        if (extension is null)
        {
            return attributes;
        }

        try
        {
            using var json = JsonDocument.Parse(extension.RawData);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"The attribute extension ({ExtensionOid}) is not a JSON object.", nameof(certificate));
            }

            foreach (var root in json.RootElement.EnumerateObject())
            {
                // Go's JSON decoder, which the Go cid package uses, matches field names case-insensitively.
                if (!root.Name.Equals("attrs", StringComparison.OrdinalIgnoreCase) || root.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (root.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new ArgumentException($"The \"attrs\" of the attribute extension ({ExtensionOid}) is not a JSON object.", nameof(certificate));
                }

                foreach (var attribute in root.Value.EnumerateObject())
                {
                    attributes[attribute.Name] = attribute.Value.ValueKind switch
                    {
                        JsonValueKind.String => attribute.Value.GetString()!,
                        JsonValueKind.Null => string.Empty,
                        _ => throw new ArgumentException($"Attribute \"{attribute.Name}\" in the attribute extension ({ExtensionOid}) is a JSON {attribute.Value.ValueKind}, not a string.", nameof(certificate)),
                    };
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The attribute extension ({ExtensionOid}) is not valid JSON: {ex.Message}", nameof(certificate), ex);
        }

        return attributes;
    }
}
