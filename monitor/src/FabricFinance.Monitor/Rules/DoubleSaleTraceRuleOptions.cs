namespace FabricFinance.Monitor.Rules;

/// <summary>Options of <see cref="DoubleSaleTraceRule"/>, section <c>Monitor:Rules:DoubleSaleTrace</c>.</summary>
public sealed class DoubleSaleTraceRuleOptions : AlertRuleOptions
{
    /// <summary>The configuration section name under <c>Monitor:Rules</c>.</summary>
    public const string SectionName = "DoubleSaleTrace";

    /// <summary>The validation codes counted by default: the two read conflicts.</summary>
    public const string DefaultValidationCodes = "MvccReadConflict,PhantomReadConflict";

    /// <summary>Gets or sets how far apart, in minutes of transaction timestamp, the invalid transactions may be.
    /// 1 to 1440, default 10.</summary>
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Gets or sets the validation codes that count, comma separated, as the monitor names them
    /// (<see cref="ReadModel.BillActivity.ValidationCode"/>). Default <c>MvccReadConflict,PhantomReadConflict</c>.</summary>
    public string ValidationCodes { get; set; } = DefaultValidationCodes;

    /// <summary>Gets the validation codes as a set.</summary>
    /// <returns>The trimmed, non-empty codes.</returns>
    internal IReadOnlySet<string> GetValidationCodes() =>
        (ValidationCodes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    internal override IEnumerable<string> Validate(string sectionPath)
    {
        if (WindowMinutes is < 1 or > 1440)
        {
            yield return $"{sectionPath}:{nameof(WindowMinutes)} must be from 1 to 1440 (was {WindowMinutes}).";
        }

        if (GetValidationCodes().Count == 0)
        {
            yield return $"{sectionPath}:{nameof(ValidationCodes)} must name at least one validation code.";
        }
        else if (GetValidationCodes().Contains(ReadModel.BillActivity.ValidCode))
        {
            yield return $"{sectionPath}:{nameof(ValidationCodes)} may not include {ReadModel.BillActivity.ValidCode}: "
                + "the rule looks at invalid transactions only.";
        }
    }
}
