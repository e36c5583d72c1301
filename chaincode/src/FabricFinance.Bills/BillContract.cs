using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FabricFinance.Bills.Contract.Internal;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Bills.Contract;

/// <summary>
/// The digital bill rulebook (shared/design/BILLS.md) as a Fabric contract: parties admitted by the
/// exchange; bills issued, accepted, endorsed, split, discounted, rediscounted, presented, paid or
/// dishonored, frozen by the exchange; deal terms kept in private data. docs/bills.md describes the
/// rules as implemented.
/// </summary>
/// <remarks>
/// <para>
/// Every refusal is a <see cref="ContractException"/> whose message is <c>CODE: sentence</c> with a
/// code of <see cref="BillErrorCode"/>; argument errors found by the router are
/// <c>INVALID_ARGUMENT</c> too. Each transaction checks everything, in the order of the rulebook's
/// error precedence, before its first write.
/// </para>
/// <para>
/// Each submit returns one record and emits one chaincode event whose payload is that record's JSON:
/// the transaction names the event, and <see cref="AfterTransactionAsync"/> sets it from the very
/// value the router serializes as the response, with the router's default JSON options.
/// </para>
/// <para>
/// The contract keeps no state of its own: one instance serves concurrent transactions.
/// </para>
/// </remarks>
[Contract(Name = BillTransactions.ContractName, IsDefault = true, Title = "Digital bills",
    Description = "Electronic commercial drafts: issue, accept, endorse, discount, rediscount, present and pay bills; deal terms in private data.")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Transactions are instance methods of their contract by design.")]
public sealed partial class BillContract : ContractBase
{
    private const string EventItem = "FabricFinance.Bills.Event";

    private readonly ILogger<BillContract> _logger;

    /// <summary>Initializes a new instance of the <see cref="BillContract"/> class that logs nothing.</summary>
    public BillContract()
        : this(NullLogger<BillContract>.Instance)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BillContract"/> class.</summary>
    /// <param name="logger">Where accepted changes are logged (logging never affects a result).</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is <see langword="null"/>.</exception>
    public BillContract(ILogger<BillContract> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Sets the submit's chaincode event: the name the transaction chose, the payload the JSON of its result.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="result">The record the transaction returns.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public override Task AfterTransactionAsync(Context context, object? result)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (result is not null && context.Items.TryGetValue(EventItem, out var name) && name is string eventName)
        {
            context.Stub.SetEvent(eventName, JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), BillState.Json));
            LogChange(eventName, context.Stub.TransactionId);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Formats an argument the router could not bind, or a function name that reaches no contract, as
    /// <c>INVALID_ARGUMENT: ...</c>.
    /// </summary>
    /// <param name="argumentError">What was wrong.</param>
    /// <returns>The refusal message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="argumentError"/> is <see langword="null"/>.</exception>
    public override string FormatArgumentError(TransactionArgumentError argumentError)
    {
        ArgumentNullException.ThrowIfNull(argumentError);
        return BillErrorCodes.Format(BillErrorCode.InvalidArgument, argumentError.Message.TrimEnd('.') + ".");
    }

    /// <summary>Refuses a transaction name the contract does not have with <c>INVALID_ARGUMENT</c>.</summary>
    /// <param name="context">The transaction.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="ContractException">Always: <c>INVALID_ARGUMENT</c> naming the transaction.</exception>
    public override Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw Refusal.InvalidArgument($"contract {BillTransactions.ContractName} has no transaction named {Text.Quote(context.TransactionName)}.");
    }

    /// <summary>Marks the record a submit returns as the payload of event <paramref name="eventName"/>.</summary>
    private static T Emit<T>(Context context, string eventName, T record)
    {
        context.Items[EventItem] = eventName;
        return record;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} in transaction {TransactionId}")]
    private partial void LogChange(string @event, string transactionId);
}
