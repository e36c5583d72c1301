namespace FabricFinance.Monitor.Rules;

/// <summary>
/// What every rule's options share: bound from <c>Monitor:Rules:&lt;RuleName&gt;</c> and checked when the host starts.
/// </summary>
public abstract class AlertRuleOptions
{
    /// <summary>Gets or sets a value indicating whether the rule runs; a disabled rule raises nothing. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Checks the thresholds and reports each bad one by its full setting name.</summary>
    /// <param name="sectionPath">The configuration path of this rule's section, e.g. <c>Monitor:Rules:RapidTransfers</c>.</param>
    /// <returns>One message per bad setting; empty when all are fine.</returns>
    internal abstract IEnumerable<string> Validate(string sectionPath);
}
