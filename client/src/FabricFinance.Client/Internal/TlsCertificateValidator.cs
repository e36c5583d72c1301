using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.Client.Internal;

/// <summary>
/// Validates a peer's TLS certificate against a private certificate authority and, optionally, a host name other than
/// the one connected to.
/// </summary>
internal sealed class TlsCertificateValidator(X509Certificate2Collection? trustedRoots, string? serverNameOverride)
{
    public bool Validate(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return IsTrusted(leaf, presentedChain, errors) && IsNameValid(leaf, errors);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }

    private bool IsTrusted(X509Certificate2 leaf, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (trustedRoots is null)
        {
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }

    private bool IsNameValid(X509Certificate2 leaf, SslPolicyErrors errors) =>
        serverNameOverride is null
            ? !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            : leaf.MatchesHostname(serverNameOverride);
}
