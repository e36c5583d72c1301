using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>party register</c>.</summary>
internal sealed class PartyRegisterSettings : PartySettings
{
    [CommandOption("--kind <KIND>", true)]
    [Description("exchange, bank, enterprise or regulator")]
    public PartyKind Kind { get; init; }

    [CommandOption("--name <NAME>", true)]
    [Description("Display name (up to 200 characters)")]
    public string Name { get; init; } = string.Empty;

    [CommandOption("--msp <MSPID>")]
    [Description("The MSP whose identities act for the party. Default: the MSP of --subject-of")]
    public string? Msp { get; init; }

    [CommandOption("--subject <DN>")]
    [Description("The certificate subject of the one identity that acts for it (enterprises), e.g. CN=User3@banka.example.com,OU=client,L=San Francisco,ST=California,C=US")]
    public string? Subject { get; init; }

    [CommandOption("--subject-of <NAME>")]
    [Description("Take the MSP and subject from this identity's certificate (see `fabfin identities`)")]
    public string? SubjectOf { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Subject is not null && SubjectOf is not null)
        {
            return ValidationResult.Error("Give --subject or --subject-of, not both.");
        }

        return Msp is null && SubjectOf is null ? ValidationResult.Error("Say which MSP acts for the party: --msp MSPID (or --subject-of NAME).") : result;
    }
}
