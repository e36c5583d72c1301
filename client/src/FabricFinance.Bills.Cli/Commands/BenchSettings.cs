using System.ComponentModel;
using System.Globalization;
using FabricFinance.Bills.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>bench</c>: the workloads, concurrency levels, durations and chaincodes of a load run.</summary>
internal sealed class BenchSettings : MarketSettings
{
    /// <summary>The most rounds a run may have.</summary>
    public const int MaxRounds = 100;

    [CommandOption("--workload <LIST>")]
    [Description("Comma-separated workloads: evaluate (GetBill on one bill), submit (issue, accept, endorse fresh bills), mixed (evaluates and submits)")]
    [DefaultValue("evaluate,submit,mixed")]
    public string WorkloadOption { get; init; } = "evaluate,submit,mixed";

    [CommandOption("--levels <LIST>")]
    [Description("Comma-separated concurrency levels: operations in flight, one per worker")]
    [DefaultValue("1,8,32,128")]
    public string LevelsOption { get; init; } = "1,8,32,128";

    [CommandOption("--duration <SECONDS>")]
    [Description("Length of each measured window")]
    [DefaultValue(10.0)]
    public double Duration { get; init; } = 10;

    [CommandOption("--warmup <SECONDS>")]
    [Description("Load before each window opens, not counted")]
    [DefaultValue(3.0)]
    public double Warmup { get; init; } = 3;

    [CommandOption("--rounds <N>")]
    [Description("Run each workload and level N times, alternating the chaincodes (bills, noop, bills, noop, …); comparisons and targets pool the rounds")]
    [DefaultValue(1)]
    public int Rounds { get; init; } = 1;

    [CommandOption("--compare <CHAINCODE>")]
    [Description("Also run every phase against this chaincode (the no-op ceiling, noop) and print the ratios")]
    public string? Compare { get; init; }

    [CommandOption("--setup")]
    [Description("First initialize the ledger and admit the banks and enterprises (skips what is already there)")]
    public bool Setup { get; init; }

    [CommandOption("--submit-percent <PERCENT>")]
    [Description("Share of submits in the mixed workload")]
    [DefaultValue(20)]
    public int SubmitPercent { get; init; } = 20;

    [CommandOption("--json-out <FILE>")]
    [Description("Also write the JSON report to this file (the tables still print)")]
    public string? JsonOut { get; init; }

    [CommandOption("--issuer <NAME>")]
    [Description("The enterprise that issues the bills (party id = fabfin name)")]
    [DefaultValue("CoreCorp")]
    public string Issuer { get; init; } = "CoreCorp";

    [CommandOption("--acceptor <NAME>")]
    [Description("The bank that accepts them")]
    [DefaultValue("BankA")]
    public string Acceptor { get; init; } = "BankA";

    [CommandOption("--payee <NAME>")]
    [Description("The enterprise they are issued to, which endorses them on")]
    [DefaultValue("SupplierA")]
    public string Payee { get; init; } = "SupplierA";

    [CommandOption("--endorsee <NAME>")]
    [Description("The enterprise they are endorsed to")]
    [DefaultValue("SupplierB")]
    public string Endorsee { get; init; } = "SupplierB";

    /// <summary>Gets the parsed workloads, once <see cref="Validate"/> passed.</summary>
    public IReadOnlyList<Workload> Workloads => ParseWorkloads(WorkloadOption).Value!;

    /// <summary>Gets the parsed levels, once <see cref="Validate"/> passed.</summary>
    public IReadOnlyList<int> Levels => ParseLevels(LevelsOption).Value!;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        var error = ParseWorkloads(WorkloadOption).Error ?? ParseLevels(LevelsOption).Error;
        error ??= Duration is > 0 and <= 86_400 ? null : $"--duration {Duration.ToString(CultureInfo.InvariantCulture)}: give 0 to 86400 seconds (more than 0).";
        error ??= Warmup is >= 0 and <= 3_600 ? null : $"--warmup {Warmup.ToString(CultureInfo.InvariantCulture)}: give 0 to 3600 seconds.";
        error ??= Rounds is >= 1 and <= MaxRounds ? null : $"--rounds {Rounds}: give 1 to {MaxRounds}.";
        error ??= SubmitPercent is >= 0 and <= 100 ? null : $"--submit-percent {SubmitPercent}: give 0 to 100.";
        error ??= Compare is not null && (string.IsNullOrWhiteSpace(Compare) || Compare == Chaincode) ? $"--compare '{Compare}': name another chaincode than --chaincode." : null;
        return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
    }

    /// <summary>Reads <c>evaluate,submit,mixed</c>.</summary>
    public static (IReadOnlyList<Workload>? Value, string? Error) ParseWorkloads(string text)
    {
        var workloads = new List<Workload>();
        foreach (var item in Split(text))
        {
            if (!Enum.TryParse<Workload>(item, ignoreCase: true, out var workload) || !Enum.IsDefined(workload) || char.IsDigit(item[0]))
            {
                return (null, $"--workload '{item}' is not a workload: use evaluate, submit or mixed, comma-separated.");
            }

            if (!workloads.Contains(workload))
            {
                workloads.Add(workload);
            }
        }

        return workloads.Count == 0 ? (null, "--workload names no workload.") : (workloads, null);
    }

    /// <summary>Reads <c>1,8,32,128</c>: whole numbers from 1 to 4096.</summary>
    public static (IReadOnlyList<int>? Value, string? Error) ParseLevels(string text)
    {
        var levels = new List<int>();
        foreach (var item in Split(text))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 4096)
            {
                return (null, $"--levels '{item}' is not a concurrency level: use whole numbers from 1 to 4096, comma-separated.");
            }

            if (!levels.Contains(level))
            {
                levels.Add(level);
            }
        }

        return levels.Count == 0 ? (null, "--levels names no level.") : (levels, null);
    }

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
