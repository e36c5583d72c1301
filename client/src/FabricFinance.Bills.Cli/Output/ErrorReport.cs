using System.Security.Cryptography;
using System.Text.Json;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using Grpc.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>Writes a failure in red, saying what happened, and returns its exit code (<see cref="ExitCodes"/>).</summary>
internal static class ErrorReport
{
    public static int Write(IAnsiConsole console, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case BillConflictException conflict:
                Line(console, "CONFLICT", $"{conflict.TransactionName}: {conflict.Sentence}");
                return ExitCodes.Conflict;
            case BillMarketException refusal:
                Line(console, BillErrorCodes.ToText(refusal.Code), refusal.Sentence);
                console.MarkupLine($"[grey]{Markup.Escape(refusal.TransactionName)} refused (transaction {Markup.Escape(refusal.TransactionId)})[/]");
                return ExitCodes.Refused;
            case DealTermsMismatchException mismatch:
                Line(console, "TERMS MISMATCH", mismatch.Message);
                return ExitCodes.TermsMismatch;
            case CommandAppException usage:
                if (usage.Pretty is { } pretty)
                {
                    console.Write(pretty);
                }
                else
                {
                    Line(console, "USAGE", usage.Message);
                }

                return ExitCodes.Usage;
            case CliUsageException or ArgumentException:
                Line(console, "USAGE", exception.Message);
                return ExitCodes.Usage;
            case NetworkSetupException or IOException or UnauthorizedAccessException or CryptographicException or HttpRequestException:
                Line(console, "NETWORK", exception.Message);
                return ExitCodes.Network;
            case CommitException commit:
                Line(console, "NETWORK", $"transaction {commit.TransactionId} was committed in block {commit.BlockNumber} as invalid ({commit.Code}).");
                return ExitCodes.Network;
            case GatewayException gateway:
                Line(console, "NETWORK", Describe(gateway));
                return ExitCodes.Network;
            case RpcException rpc:
                Line(console, "NETWORK", $"{rpc.StatusCode}: {rpc.Status.Detail}");
                return ExitCodes.Network;
            case OperationCanceledException:
                Line(console, "INTERRUPTED", "stopped before the command finished; a submitted transaction may still commit.");
                return ExitCodes.Interrupted;
            case JsonException json:
                Line(console, "UNEXPECTED", $"an answer fabfin cannot read: {json.Message}");
                return ExitCodes.Unexpected;
            default:
                Line(console, "UNEXPECTED", $"{exception.GetType().Name}: {exception.Message}");
                console.WriteException(exception, ExceptionFormats.ShortenEverything);
                return ExitCodes.Unexpected;
        }
    }

    private static string Describe(GatewayException gateway)
    {
        var hint = gateway.StatusCode switch
        {
            StatusCode.Unavailable => " Is the network up (scripts/network.sh status)?",
            StatusCode.DeadlineExceeded => " The peer did not answer in time.",
            _ => string.Empty,
        };
        return gateway.Message + hint;
    }

    private static void Line(IAnsiConsole console, string label, string message) =>
        console.MarkupLine($"[red bold]{Markup.Escape(label)}[/][red]: {Markup.Escape(message)}[/]");
}
