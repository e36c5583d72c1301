namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="RequestCancelChurnRule"/>, section <c>Monitor:Rules:RequestCancelChurn</c>.</summary>
public sealed class RequestCancelChurnRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "RequestCancelChurn";

    /// <summary>Gets or sets which withdrawn deal on one bill raises the alert: the alert fires when this many deals
    /// have ended without a sale. 2 to 1000, default 3.</summary>
    public int WithdrawnDealsThreshold { get; set; } = 3;

    /// <summary>Gets or sets a value indicating whether a deal the buyer rejected counts as withdrawn. Default true.</summary>
    public bool CountRejected { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a deal that expired counts as withdrawn. Default false.</summary>
    public bool CountExpired { get; set; }

    internal override IEnumerable<string> Validate(string sectionPath)
    {
        if (WithdrawnDealsThreshold is < 2 or > 1000)
        {
            yield return $"{sectionPath}:{nameof(WithdrawnDealsThreshold)} must be from 2 to 1000 (was {WithdrawnDealsThreshold}).";
        }
    }
}
