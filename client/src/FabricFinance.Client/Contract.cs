using System.Text;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;

namespace FabricFinance.Client;

/// <summary>
/// A smart contract: a chaincode on a channel, or one named contract within it. Evaluate transactions to query the
/// ledger; submit them to update it.
/// </summary>
/// <remarks>
/// <para>
/// Obtain one with <see cref="Network.GetContract"/>. Contracts are lightweight and thread-safe.
/// </para>
/// <para>
/// Each call is bounded by the gateway's timeouts (<see cref="GatewayOptions.EvaluateTimeout"/> and the others); set
/// <see cref="ProposalOptions.EvaluateTimeout"/>, <see cref="ProposalOptions.EndorseTimeout"/>,
/// <see cref="ProposalOptions.SubmitTimeout"/> or <see cref="ProposalOptions.CommitStatusTimeout"/> to choose others for
/// one transaction. A timed-out call throws the stage's exception with <see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>.
/// </para>
/// <para>
/// The convenience methods (<see cref="EvaluateTransactionAsync(string, IReadOnlyList{string}, CancellationToken)"/>,
/// <see cref="SubmitTransactionAsync(string, IReadOnlyList{string}, CancellationToken)"/>, <see cref="EvaluateAsync"/>,
/// <see cref="SubmitAsync"/>, <see cref="StartSubmitAsync"/>) all go through <see cref="NewProposal"/>, then
/// <see cref="Proposal.EvaluateAsync(CancellationToken)"/> or <see cref="Proposal.EndorseAsync(CancellationToken)"/>, <see cref="Transaction.SubmitAsync(CancellationToken)"/> and
/// <see cref="Commit.GetStatusAsync(CancellationToken)"/>; use those steps directly for offline signing or finer control.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// byte[] bill = await contract.EvaluateTransactionAsync("ReadBill", ["bill-1"], cancellationToken);
/// await contract.SubmitTransactionAsync("Issue", ["bill-1", "100"], cancellationToken);
/// </code>
/// </example>
public sealed class Contract
{
    private readonly GatewayContext _context;

    internal Contract(GatewayContext context, string channelName, string chaincodeName, string? contractName)
    {
        _context = context;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
        ContractName = contractName;
    }

    /// <summary>Gets the name of the channel the chaincode is deployed on.</summary>
    public string ChannelName { get; }

    /// <summary>Gets the chaincode's name.</summary>
    public string ChaincodeName { get; }

    /// <summary>Gets the contract's name within the chaincode, or <see langword="null"/> for the default contract.</summary>
    public string? ContractName { get; }

    /// <summary>Evaluates a transaction with text arguments and returns its result. Nothing is written to the ledger.</summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="args">The function's arguments, each sent as UTF-8.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="args"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="TransactionException">The evaluate call failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> EvaluateTransactionAsync(string name, params string[] args) =>
        EvaluateTransactionAsync(name, (IReadOnlyList<string>)args);

    /// <summary>Evaluates a transaction with text arguments and returns its result. Nothing is written to the ledger.</summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="args">The function's arguments, each sent as UTF-8.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="args"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="TransactionException">The evaluate call failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> EvaluateTransactionAsync(string name, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return EvaluateAsync(name, ToOptions(args), cancellationToken);
    }

    /// <summary>
    /// Submits a transaction with text arguments, waits for it to be committed, and returns its result.
    /// </summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="args">The function's arguments, each sent as UTF-8.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="args"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="EndorseException">Endorsement failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="CommitStatusException">The commit status could not be obtained.</exception>
    /// <exception cref="CommitException">The transaction was committed as invalid.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> SubmitTransactionAsync(string name, params string[] args) =>
        SubmitTransactionAsync(name, (IReadOnlyList<string>)args);

    /// <summary>
    /// Submits a transaction with text arguments, waits for it to be committed, and returns its result.
    /// </summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="args">The function's arguments, each sent as UTF-8.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="args"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="EndorseException">Endorsement failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="CommitStatusException">The commit status could not be obtained.</exception>
    /// <exception cref="CommitException">The transaction was committed as invalid.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> SubmitTransactionAsync(string name, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return SubmitAsync(name, ToOptions(args), cancellationToken);
    }

    /// <summary>Evaluates a transaction and returns its result. Nothing is written to the ledger.</summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="options">The arguments, transient data, target organizations and evaluate timeout; none by default.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="TransactionException">The evaluate call failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> EvaluateAsync(string name, ProposalOptions? options = null, CancellationToken cancellationToken = default) =>
        NewProposal(name, options).EvaluateAsync(cancellationToken);

    /// <summary>Submits a transaction, waits for it to be committed, and returns its result.</summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="options">The arguments, transient data, endorsing organizations and call timeouts; none by default.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="EndorseException">Endorsement failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="CommitStatusException">The commit status could not be obtained.</exception>
    /// <exception cref="CommitException">The transaction was committed as invalid; <see cref="CommitException.Code"/> says why.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<byte[]> SubmitAsync(string name, ProposalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var submitted = await StartSubmitAsync(name, options, cancellationToken).ConfigureAwait(false);
        var status = await submitted.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (!status.Successful)
        {
            throw new CommitException(status.TransactionId, status.Code, status.BlockNumber);
        }

        return submitted.Result.ToArray();
    }

    /// <summary>
    /// Endorses and submits a transaction, returning once the ordering service has accepted it, without waiting for
    /// commit.
    /// </summary>
    /// <param name="name">The transaction function's name.</param>
    /// <param name="options">The arguments, transient data, endorsing organizations and call timeouts; none by default.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The submitted transaction: its result, and <see cref="Commit.GetStatusAsync(CancellationToken)"/> to wait for commit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="EndorseException">Endorsement failed, for example because the chaincode returned an error.</exception>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<SubmittedTransaction> StartSubmitAsync(
        string name,
        ProposalOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var transaction = await NewProposal(name, options).EndorseAsync(cancellationToken).ConfigureAwait(false);
        return await transaction.SubmitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates an unsigned proposal to invoke a transaction function. Nothing is sent until the proposal is evaluated or
    /// endorsed.
    /// </summary>
    /// <param name="name">The transaction function's name; sent as <c>contractName:name</c> when the contract is named.</param>
    /// <param name="options">The arguments, transient data, endorsing organizations and call timeouts; none by default.</param>
    /// <returns>The proposal, with a new transaction identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="name"/> is empty or white space, or <paramref name="options"/> has a null or empty transient data
    /// key or endorsing organization.
    /// </exception>
    public Proposal NewProposal(string name, ProposalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Validate(options);

        var transactionName = ContractName is null ? name : $"{ContractName}:{name}";
        var proposedTransaction = ProposalBuilder.Build(_context, ChannelName, ChaincodeName, transactionName, options);
        Log.ProposalCreated(_context.Logger, proposedTransaction.TransactionId, transactionName, ChaincodeName, ChannelName);
        var descriptor = new TransactionDescriptor(ChannelName, proposedTransaction.TransactionId, ChaincodeName, transactionName);
        return new Proposal(_context, proposedTransaction, descriptor, options?.ToCallTimeouts() ?? CallTimeouts.Default);
    }

    private static ProposalOptions ToOptions(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ProposalOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i] ?? throw new ArgumentNullException(nameof(args), $"Argument {i} is null.");
            options.Arguments.Add(Encoding.UTF8.GetBytes(arg));
        }

        return options;
    }

    private static void Validate(ProposalOptions? options)
    {
        if (options is null)
        {
            return;
        }

        foreach (var key in options.TransientData.Keys)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A transient data key is empty.", nameof(options));
            }
        }

        foreach (var organization in options.EndorsingOrganizations)
        {
            if (string.IsNullOrWhiteSpace(organization))
            {
                throw new ArgumentException("An endorsing organization is null, empty or white space.", nameof(options));
            }
        }
    }
}
