using System.Formats.Asn1;
using FabricFinance.Client.Internal;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace FabricFinance.Client.Identity;

/// <summary>
/// Signs digests with an ECDSA P-256 or P-384 private key held in a PKCS#11 token, such as a hardware security module:
/// the key never leaves the token. Create one with <see cref="Signers.NewPkcs11Signer"/>.
/// </summary>
/// <remarks>
/// <para>
/// The token signs with <c>CKM_ECDSA</c> and returns <c>r ‖ s</c>; the signer re-encodes it as ASN.1 DER with a low S
/// value, the only form Fabric peers accept.
/// </para>
/// <para>
/// The signer is thread-safe: it keeps one session and signs one digest at a time on it. The token stays logged in until
/// the library is unloaded, when the last signer using the library is disposed.
/// </para>
/// </remarks>
public sealed class Pkcs11Signer : ISigner, ISignatureScheme, IDisposable
{
    private readonly Pkcs11Libraries.Lease _library;
    private readonly ISession _session;
    private readonly IObjectHandle _key;
    private readonly EcdsaCurve _curve;
    private readonly Lock _gate = new();
    private bool _disposed;

    private Pkcs11Signer(Pkcs11Libraries.Lease library, ISession session, IObjectHandle key, EcdsaCurve curve)
    {
        _library = library;
        _session = session;
        _key = key;
        _curve = curve;
    }

    /// <summary>Gets the curve of the token's key: <c>P-256</c> or <c>P-384</c>.</summary>
    public string CurveName => _curve.Name;

    string ISignatureScheme.SchemeName => $"ECDSA {_curve.Name} (PKCS#11)";

    bool ISignatureScheme.SignsWholeMessage => false;

    /// <summary>Signs a digest in the token.</summary>
    /// <param name="digest">The digest computed by the client.</param>
    /// <param name="cancellationToken">A token checked before the token is asked to sign; signing itself cannot be interrupted.</param>
    /// <returns>The DER-encoded, low-S ECDSA signature.</returns>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is empty.</exception>
    /// <exception cref="Pkcs11SignerException">The token refused to sign or returned a malformed signature.</exception>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (digest.IsEmpty)
        {
            throw new ArgumentException("The digest to sign is empty.", nameof(digest));
        }

        byte[] raw;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var mechanism = Pkcs11Libraries.Factory.MechanismFactory.Create(CKM.CKM_ECDSA);
                raw = _session.Sign(mechanism, _key, digest.ToArray());
            }
            catch (Pkcs11Exception ex)
            {
                throw new Pkcs11SignerException($"The PKCS#11 token failed to sign: {ex.RV}.", ex);
            }
        }

        try
        {
            return ValueTask.FromResult(EcdsaSignatures.ToLowSDer(raw, _curve));
        }
        catch (ArgumentException ex)
        {
            throw new Pkcs11SignerException($"The PKCS#11 token returned a malformed signature: {ex.Message}", ex);
        }
    }

    /// <summary>Closes the signer's session and releases the library, unloading it if no other signer uses it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        try
        {
            _session.Dispose();
        }
        finally
        {
            _library.Dispose();
        }
    }

    /// <summary>Loads the library, logs in to the token and finds the key.</summary>
    internal static Pkcs11Signer Open(Pkcs11SignerOptions options)
    {
        var libraryPath = Required(options.LibraryPath, nameof(Pkcs11SignerOptions.LibraryPath), nameof(options));
        var tokenLabel = Required(options.TokenLabel, nameof(Pkcs11SignerOptions.TokenLabel), nameof(options));
        var pin = Required(options.Pin, nameof(Pkcs11SignerOptions.Pin), nameof(options));
        if (string.IsNullOrEmpty(options.KeyLabel) && options.KeyId.IsEmpty)
        {
            throw new ArgumentException("Pkcs11SignerOptions needs a KeyLabel, a KeyId, or both, to find the private key.", nameof(options));
        }

        Pkcs11Libraries.Lease library;
        try
        {
            library = Pkcs11Libraries.Acquire(libraryPath);
        }
        catch (Exception ex) when (ex is Pkcs11Exception or UnmanagedException or DllNotFoundException or IOException)
        {
            throw new Pkcs11SignerException($"The PKCS#11 library '{libraryPath}' cannot be loaded: {ex.Message}", ex);
        }

        ISession? session = null;
        try
        {
            session = FindToken(library.Library, tokenLabel).OpenSession(SessionType.ReadOnly);
            Login(session, pin, tokenLabel);
            var key = FindKey(session, options);
            return new Pkcs11Signer(library, session, key, ReadCurve(session, key));
        }
        catch (Exception ex)
        {
            session?.Dispose();
            library.Dispose();
            if (ex is Pkcs11Exception pkcs11)
            {
                throw new Pkcs11SignerException($"The PKCS#11 token '{tokenLabel}' failed: {pkcs11.RV}.", ex);
            }

            throw;
        }
    }

    private static string Required(string? value, string name, string paramName) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"Pkcs11SignerOptions.{name} is required.", paramName)
            : value;

    private static ISlot FindToken(IPkcs11Library library, string tokenLabel)
    {
        var labels = new List<string>();
        foreach (var slot in library.GetSlotList(SlotsType.WithTokenPresent))
        {
            var label = slot.GetTokenInfo().Label.Trim();
            if (string.Equals(label, tokenLabel, StringComparison.Ordinal))
            {
                return slot;
            }

            labels.Add(label);
        }

        throw new Pkcs11SignerException(
            $"No PKCS#11 token is labelled '{tokenLabel}'; tokens present: {(labels.Count == 0 ? "none" : string.Join(", ", labels))}.");
    }

    private static void Login(ISession session, string pin, string tokenLabel)
    {
        try
        {
            session.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Another signer of this process logged in to the token already: login state is shared by all sessions.
        }
        catch (Pkcs11Exception ex) when (ex.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE or CKR.CKR_PIN_LOCKED)
        {
            throw new Pkcs11SignerException($"The PKCS#11 token '{tokenLabel}' refused the PIN: {ex.RV}.", ex);
        }
    }

    private static IObjectHandle FindKey(ISession session, Pkcs11SignerOptions options)
    {
        var attributes = Pkcs11Libraries.Factory.ObjectAttributeFactory;
        var template = new List<IObjectAttribute>
        {
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_EC),
        };
        if (!string.IsNullOrEmpty(options.KeyLabel))
        {
            template.Add(attributes.Create(CKA.CKA_LABEL, options.KeyLabel));
        }

        if (!options.KeyId.IsEmpty)
        {
            template.Add(attributes.Create(CKA.CKA_ID, options.KeyId.ToArray()));
        }

        var keys = session.FindAllObjects(template);
        var described = Describe(options);
        return keys.Count switch
        {
            1 => keys[0],
            0 => throw new Pkcs11SignerException($"No EC private key with {described} is in the token."),
            _ => throw new Pkcs11SignerException($"{keys.Count} EC private keys match {described}; give both a label and an id to pick one."),
        };
    }

    private static string Describe(Pkcs11SignerOptions options)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrEmpty(options.KeyLabel))
        {
            parts.Add($"label '{options.KeyLabel}'");
        }

        if (!options.KeyId.IsEmpty)
        {
            parts.Add($"id {Convert.ToHexStringLower(options.KeyId.Span)}");
        }

        return string.Join(" and ", parts);
    }

    /// <summary>Reads the key's curve from <c>CKA_EC_PARAMS</c>, the DER-encoded curve object identifier.</summary>
    private static EcdsaCurve ReadCurve(ISession session, IObjectHandle key)
    {
        var parameters = session.GetAttributeValue(key, [CKA.CKA_EC_PARAMS])[0].GetValueAsByteArray();
        string? oid = null;
        try
        {
            oid = new AsnReader(parameters, AsnEncodingRules.DER).ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            // Explicit curve parameters or garbage: reported below.
        }

        return (oid is null ? null : EcdsaCurve.FromOid(oid))
            ?? throw new Pkcs11SignerException(
                $"The token's key is on {(oid is null ? "an unnamed curve" : $"curve {oid}")}; Fabric signing keys must be on NIST P-256 or P-384.");
    }
}
