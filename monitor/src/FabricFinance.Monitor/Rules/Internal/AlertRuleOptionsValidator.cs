using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Rules.Internal;

/// <summary>Checks one rule's options when the host starts; each failure names the full setting.</summary>
/// <typeparam name="TOptions">The rule's options.</typeparam>
/// <param name="sectionPath">The configuration path of the rule's section, for the messages.</param>
internal sealed class AlertRuleOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : AlertRuleOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(sectionPath).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
