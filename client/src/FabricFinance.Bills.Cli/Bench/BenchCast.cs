using System.Text.Json.Serialization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Who does what in a run, by fabfin name (= party id): the reader evaluates; the issuer issues bills to the payee,
/// accepted by the acceptor (a bank: bank bills); the payee endorses them on to the endorsee.
/// </summary>
internal sealed record BenchCast(string Reader, string Issuer, string Acceptor, string Payee, string Endorsee)
{
    /// <summary>Gets every name that connects, each once, in the order given (the endorsee only receives).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Names => new[] { Reader, Issuer, Acceptor, Payee }.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
