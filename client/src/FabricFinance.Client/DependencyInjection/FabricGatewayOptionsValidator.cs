using Microsoft.Extensions.Options;

namespace FabricFinance.Client.DependencyInjection;

/// <summary>Checks <see cref="FabricGatewayOptions"/> before anything is created from them, reporting every problem at once.</summary>
internal sealed class FabricGatewayOptionsValidator : IValidateOptions<FabricGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, FabricGatewayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PeerAddress))
        {
            failures.Add("FabricGatewayOptions.PeerAddress is required, for example https://127.0.0.1:7051.");
        }

        if (string.IsNullOrWhiteSpace(options.MspId))
        {
            failures.Add("FabricGatewayOptions.MspId is required, for example Org1MSP.");
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePem) && string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            failures.Add("FabricGatewayOptions.CertificateFile or CertificatePem is required: the identity's certificate.");
        }

        if ((options.ClientCertificateFile is null) != (options.ClientKeyFile is null))
        {
            failures.Add("FabricGatewayOptions.ClientCertificateFile and ClientKeyFile go together: set both for mutual TLS, or neither.");
        }

        if (options.Hash is { } hash)
        {
            try
            {
                _ = Identity.Hash.Parse(hash, nameof(options.Hash));
            }
            catch (ArgumentException ex)
            {
                failures.Add($"FabricGatewayOptions.Hash: {ex.Message}");
            }
        }

        foreach (var (key, timeout) in (ReadOnlySpan<(string, TimeSpan?)>)[
            (nameof(options.EvaluateTimeout), options.EvaluateTimeout),
            (nameof(options.EndorseTimeout), options.EndorseTimeout),
            (nameof(options.SubmitTimeout), options.SubmitTimeout),
            (nameof(options.CommitStatusTimeout), options.CommitStatusTimeout),
        ])
        {
            if (timeout is { } value && value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                failures.Add($"FabricGatewayOptions.{key} must be positive, or -00:00:00.001 for no deadline; not {value}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
