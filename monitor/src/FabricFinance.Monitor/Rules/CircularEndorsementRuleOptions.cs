namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="CircularEndorsementRule"/>, section <c>Monitor:Rules:CircularEndorsement</c>.</summary>
public sealed class CircularEndorsementRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "CircularEndorsement";

    internal override IEnumerable<string> Validate(string sectionPath) => [];
}
