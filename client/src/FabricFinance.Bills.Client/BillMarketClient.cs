using System.Text.Json;
using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Bills.Client;

/// <summary>
/// The typed client of the digital bill market: one async method per transaction and query of the bill contract
/// (shared/design/BILLS.md), the model's records in and out, refusals as typed exceptions, and the contract's chaincode
/// events as typed streams.
/// </summary>
/// <remarks>
/// <para>
/// A client acts as the identity of the <see cref="Gateway"/> its <see cref="Network"/> came from: the contract
/// resolves that identity to a party. Create one per identity; it is lightweight and thread-safe.
/// </para>
/// <para>
/// Arguments are checked against the rulebook's limits (<see cref="BillRules"/>) before anything is sent: an id, amount,
/// rate, reason or page size that could never be right throws an <see cref="ArgumentException"/> naming the parameter.
/// </para>
/// <para>
/// Submit methods endorse, order and wait for the commit, then return the changed record with its transaction id and
/// block number (<see cref="Committed{T}"/>). A refusal by the contract throws the <see cref="BillMarketException"/>
/// subclass of its code (<see cref="BillNotFoundException"/>, <see cref="BillForbiddenException"/>,
/// <see cref="BillInvalidStateException"/>, ...). A transaction that lost a race to another on the same records and was
/// committed as invalid throws <see cref="BillConflictException"/>. Other Fabric failures are the Gateway client's own:
/// <see cref="EndorseException"/>, <see cref="SubmitException"/>, <see cref="CommitStatusException"/>, or
/// <see cref="CommitException"/> for another validation code.
/// </para>
/// <para>
/// Deal terms travel as transient data (never in the arguments, never in a block): the proposed rate of
/// <see cref="RequestDiscountAsync"/> and <see cref="RequestRediscountAsync"/>, and the payment reference of
/// <see cref="SettleDealAsync"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var market = new BillMarketClient(gateway.GetNetwork("fabfin"));
/// var issued = await market.IssueBillAsync(
///     new IssueBillRequest("B1", BillKind.Bank, "SupplierA", "BankA", 100_000_00, new DateOnly(2026, 6, 30), Transferable: true),
///     cancellationToken);
/// Console.WriteLine($"{issued.Value.Id} {issued.Value.Status} in block {issued.BlockNumber}");
/// </code>
/// </example>
public sealed partial class BillMarketClient
{
    /// <summary>The page size <see cref="ListBillsAsync"/> and <see cref="ListAllBillsAsync"/> use by default.</summary>
    public const int DefaultPageSize = 100;

    private readonly ILogger _logger;
    private readonly string[] _dealTermsOrganizations;

    /// <summary>Creates a client of the bill contract deployed on a channel.</summary>
    /// <param name="network">The channel, from a gateway connected as the identity to act as.</param>
    /// <param name="options">
    /// The chaincode and contract names and the logger factory; the defaults when <see langword="null"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="options"/> names no chaincode, a contract name that is empty, white space or contains <c>:</c>, or a
    /// blank organization in <see cref="BillMarketClientOptions.DealTermsOrganizations"/>.
    /// </exception>
    public BillMarketClient(Network network, BillMarketClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new BillMarketClientOptions();
        if (string.IsNullOrWhiteSpace(options.ChaincodeName))
        {
            throw new ArgumentException("The chaincode name is empty or white space.", nameof(options));
        }

        try
        {
            Contract = network.GetContract(options.ChaincodeName, options.ContractName);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The options name an invalid contract: {ex.Message}", nameof(options), ex);
        }

        _dealTermsOrganizations = [.. options.DealTermsOrganizations];
        if (_dealTermsOrganizations.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An organization of DealTermsOrganizations is null, empty or white space.", nameof(options));
        }

        Network = network;
        _logger = options.LoggerFactory?.CreateLogger<BillMarketClient>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Gets the channel the bill contract is deployed on.</summary>
    public Network Network { get; }

    /// <summary>Gets the bill contract, for calls this client does not wrap.</summary>
    public Contract Contract { get; }

    private static ProposalOptions Arguments(params ReadOnlySpan<string> arguments) => new ProposalOptions().AddArguments(arguments);

    private static T Decode<T>(string transactionName, ReadOnlySpan<byte> payload)
    {
        try
        {
            return BillJson.Deserialize<T>(payload);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"{transactionName} returned a payload that is not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private async Task<Committed<T>> SubmitAsync<T>(string transactionName, ProposalOptions options, CancellationToken cancellationToken)
    {
        var proposal = Contract.NewProposal(transactionName, options);
        var transactionId = proposal.TransactionId;
        Log.Submitting(_logger, transactionName, transactionId);
        SubmittedTransaction submitted;
        CommitStatus status;
        try
        {
            var transaction = await proposal.EndorseAsync(cancellationToken).ConfigureAwait(false);
            submitted = await transaction.SubmitAsync(cancellationToken).ConfigureAwait(false);
            status = await submitted.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException ex) when (BillErrors.TryMap(ex, transactionName, transactionId, out var refusal))
        {
            Log.Refused(_logger, transactionName, refusal.TransactionId, refusal.Code, refusal.Sentence);
            throw refusal;
        }

        if (!status.Successful)
        {
            var commitFailure = new CommitException(status.TransactionId, status.Code, status.BlockNumber);
            if (status.Code is TransactionValidationCode.MvccReadConflict or TransactionValidationCode.PhantomReadConflict)
            {
                Log.Conflict(_logger, transactionName, status.TransactionId, status.BlockNumber, status.Code);
                throw new BillConflictException(transactionName, commitFailure);
            }

            Log.CommitFailed(_logger, transactionName, status.TransactionId, status.BlockNumber, status.Code);
            throw commitFailure;
        }

        Log.Committed(_logger, transactionName, status.TransactionId, status.BlockNumber);
        return new Committed<T>(Decode<T>(transactionName, submitted.Result.Span), status.TransactionId, status.BlockNumber);
    }

    private async Task<T> EvaluateAsync<T>(string transactionName, ProposalOptions options, CancellationToken cancellationToken)
    {
        var proposal = Contract.NewProposal(transactionName, options);
        Log.Evaluating(_logger, transactionName, proposal.TransactionId);
        byte[] payload;
        try
        {
            payload = await proposal.EvaluateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException ex) when (BillErrors.TryMap(ex, transactionName, proposal.TransactionId, out var refusal))
        {
            Log.Refused(_logger, transactionName, refusal.TransactionId, refusal.Code, refusal.Sentence);
            throw refusal;
        }

        return Decode<T>(transactionName, payload);
    }
}
