using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using FabricFinance.Chaincode.Contracts.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// A chaincode made of contracts: routes each transaction to the <see cref="TransactionAttribute"/>
/// method it names, binds the arguments, runs the contract's hooks around it and serializes the
/// result. Built once at startup, when every contract is checked; serving a transaction involves no
/// reflection.
/// </summary>
/// <remarks>
/// <para>
/// The function name (the first argument) is <c>contract:Transaction</c>, split at the last
/// <c>:</c> as Fabric's contract APIs do, or <c>Transaction</c> alone for the default contract. The
/// system transaction <c>org.hyperledger.fabric:GetMetadata</c> returns the metadata (see
/// <see cref="Metadata"/>).
/// </para>
/// <para>
/// For a transaction the router runs <see cref="IContract.BeforeTransactionAsync"/>, the method and
/// <see cref="IContract.AfterTransactionAsync"/>; a name the contract does not have goes to
/// <see cref="IContract.UnknownTransactionAsync"/> instead. Wrong arguments are answered with
/// <see cref="IContract.FormatArgumentError"/>'s message, a <see cref="ContractException"/> with its
/// message and status, any other exception with status 500 and a message naming the transaction.
/// Every error response has status 400 or more, so Fabric writes nothing.
/// </para>
/// <para>
/// <c>INIT</c> without a function name succeeds and does nothing; with one it is routed like any
/// transaction.
/// </para>
/// </remarks>
public sealed partial class ContractRouter : IChaincode
{
    /// <summary>The name of Fabric's system contract.</summary>
    public const string SystemContractName = "org.hyperledger.fabric";

    /// <summary>The system contract's transaction that returns the metadata.</summary>
    public const string GetMetadataTransactionName = "GetMetadata";

    private readonly FrozenDictionary<string, ContractDescriptor> _contracts;
    private readonly ContractDescriptor? _default;
    private readonly IServiceProvider? _services;
    private readonly byte[] _metadata;
    private readonly string _contractList;
    private readonly ILogger _logger;

    private ContractRouter(IReadOnlyList<ContractDescriptor> contracts, ContractRouterOptions options, IServiceProvider? services, IDictionary<string, JsonObject> components, ILogger logger)
    {
        var byName = new Dictionary<string, ContractDescriptor>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            if (!byName.TryAdd(contract.Name, contract))
            {
                throw new ContractDefinitionException(
                    $"Two contracts are named '{contract.Name}' ({byName[contract.Name].Type.FullName} and {contract.Type.FullName}); contract names must be unique.");
            }
        }

        var declared = contracts.Where(c => c.DeclaredDefault).ToList();
        if (declared.Count > 1)
        {
            throw new ContractDefinitionException(
                $"Only one contract can be the default, but {string.Join(" and ", declared.Select(c => $"'{c.Name}' ({c.Type.FullName})"))} set IsDefault.");
        }

        _contracts = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _default = declared.Count == 1 ? declared[0] : contracts.Count == 1 ? contracts[0] : null;
        _services = services;
        _logger = logger;
        _contractList = string.Join(", ", _contracts.Keys.Order(StringComparer.Ordinal));
        var assembly = (_default ?? contracts[0]).Type.Assembly;
        _metadata = ContractMetadata.Build(
            options.Title ?? assembly.GetName().Name ?? "chaincode",
            options.Version ?? assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "latest",
            options.Description,
            contracts,
            _default,
            components);
    }

    /// <summary>Gets the names of the contracts, in ordinal order.</summary>
    public IReadOnlyList<string> ContractNames => [.. _contracts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the name of the default contract, or <see langword="null"/> when there is none.</summary>
    public string? DefaultContractName => _default?.Name;

    /// <summary>
    /// Gets the metadata as UTF-8 JSON, as <c>org.hyperledger.fabric:GetMetadata</c> returns it:
    /// <c>info</c>, <c>contracts</c> (each with <c>name</c>, <c>info</c>, <c>transactions</c> and
    /// <c>default</c>; each transaction with <c>name</c>, <c>tag</c> <c>SUBMIT</c> or
    /// <c>EVALUATE</c>, <c>parameters</c> and <c>returns</c>) and <c>components.schemas</c>.
    /// </summary>
    public ReadOnlyMemory<byte> Metadata => _metadata;

    /// <summary>Builds a router over contract instances, each serving all its transactions.</summary>
    /// <param name="contracts">The contracts; at least one.</param>
    /// <param name="options">Serializer and metadata settings; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where faults are logged; nowhere when <see langword="null"/>.</param>
    /// <returns>The router.</returns>
    /// <exception cref="ArgumentException"><paramref name="contracts"/> is empty or holds <see langword="null"/>.</exception>
    /// <exception cref="ContractDefinitionException">A contract cannot be served as declared; the message names it.</exception>
    public static ContractRouter Create(IEnumerable<IContract> contracts, ContractRouterOptions? options = null, ILogger<ContractRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var instances = contracts.ToList();
        if (instances.Count == 0 || instances.Any(c => c is null))
        {
            throw new ArgumentException("Give at least one contract, and no null ones.", nameof(contracts));
        }

        options ??= new ContractRouterOptions();
        var components = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var descriptors = new List<ContractDescriptor>();
        foreach (var instance in instances)
        {
            var descriptor = ContractInspector.Inspect(instance.GetType(), options.Serializer, components);
            descriptor.Instance = instance;
            descriptors.Add(descriptor);
        }

        return new ContractRouter(descriptors, options, services: null, components, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>
    /// Builds a router whose contracts come from dependency injection: every transaction resolves
    /// its contract from a new scope, so contracts can take dependencies. Each contract is resolved
    /// once here, so a missing dependency fails at startup.
    /// </summary>
    /// <param name="services">The service provider that resolves the contract types.</param>
    /// <param name="contractTypes">The contract types; at least one, each implementing <see cref="IContract"/>.</param>
    /// <param name="options">Serializer and metadata settings; defaults when <see langword="null"/>.</param>
    /// <returns>The router.</returns>
    /// <exception cref="ArgumentException"><paramref name="contractTypes"/> is empty.</exception>
    /// <exception cref="ContractDefinitionException">A contract cannot be served as declared, or cannot be resolved; the message names it.</exception>
    public static ContractRouter Create(IServiceProvider services, IEnumerable<Type> contractTypes, ContractRouterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(contractTypes);
        var types = contractTypes.ToList();
        if (types.Count == 0 || types.Any(t => t is null))
        {
            throw new ArgumentException("Give at least one contract type, and no null ones.", nameof(contractTypes));
        }

        options ??= new ContractRouterOptions();
        var components = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var descriptors = types.Select(t => ContractInspector.Inspect(t, options.Serializer, components)).ToList();
        using (var scope = services.CreateScope())
        {
            foreach (var descriptor in descriptors)
            {
                try
                {
                    _ = scope.ServiceProvider.GetRequiredService(descriptor.Type);
                }
                catch (InvalidOperationException ex)
                {
                    throw new ContractDefinitionException($"{descriptor.Type.FullName}: the contract cannot be resolved: {ex.Message}", ex);
                }
            }
        }

        var logger = services.GetService<ILogger<ContractRouter>>() ?? (ILogger)NullLogger.Instance;
        return new ContractRouter(descriptors, options, services, components, logger);
    }

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stub);
        return stub.FunctionName.Length == 0
            ? Task.FromResult(ChaincodeResponse.Success())
            : InvokeAsync(stub, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stub);
        var function = stub.FunctionName;
        var colon = function.LastIndexOf(':');
        var transactionName = colon < 0 ? function : function[(colon + 1)..];
        ContractDescriptor? contract;
        if (colon < 0)
        {
            contract = _default;
            if (contract is null)
            {
                return Refuse($"'{function}' names no contract and there is no default contract; call it as contract:{function} (the contracts are {_contractList}).");
            }
        }
        else
        {
            var contractName = function[..colon];
            if (contractName == SystemContractName)
            {
                return transactionName == GetMetadataTransactionName
                    ? Task.FromResult(ChaincodeResponse.Success(_metadata))
                    : RefuseFunctionAsync(
                        TransactionArgumentError.UnknownFunction(
                            contractName, transactionName, $"The system contract {SystemContractName} has no transaction '{transactionName}'; it has {GetMetadataTransactionName}."));
            }

            if (!_contracts.TryGetValue(contractName, out contract))
            {
                return RefuseFunctionAsync(
                    TransactionArgumentError.UnknownFunction(contractName, transactionName, $"There is no contract named '{contractName}'; the contracts are {_contractList}."));
            }
        }

        contract.Transactions.TryGetValue(transactionName, out var transaction);
        return RunAsync(contract, transaction, transactionName, stub, cancellationToken);
    }

    private static Task<ChaincodeResponse> Refuse(string message) => Task.FromResult(ChaincodeResponse.Failure(message));

    /// <summary>
    /// Refuses a function name that reaches no contract: worded by the default contract's
    /// <see cref="IContract.FormatArgumentError"/>, so that a contract whose refusals carry codes
    /// answers every call with one; without a default contract, the router's own words.
    /// </summary>
    private async Task<ChaincodeResponse> RefuseFunctionAsync(TransactionArgumentError error)
    {
        if (_default is null)
        {
            return ChaincodeResponse.Failure(error.Message);
        }

        if (_default.Instance is { } instance)
        {
            return ArgumentFailure(instance, error);
        }

        var scope = _services!.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return ArgumentFailure((IContract)scope.ServiceProvider.GetRequiredService(_default.Type), error);
        }
    }

    private async Task<ChaincodeResponse> RunAsync(
        ContractDescriptor contract, TransactionDescriptor? transaction, string transactionName, IChaincodeStub stub, CancellationToken cancellationToken)
    {
        var context = new Context(stub, contract.Name, transactionName, cancellationToken);
        if (contract.Instance is { } instance)
        {
            return await RunOnAsync(instance, contract, transaction, context).ConfigureAwait(false);
        }

        var scope = _services!.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var resolved = (IContract)scope.ServiceProvider.GetRequiredService(contract.Type);
            return await RunOnAsync(resolved, contract, transaction, context).ConfigureAwait(false);
        }
    }

    private async Task<ChaincodeResponse> RunOnAsync(IContract instance, ContractDescriptor contract, TransactionDescriptor? transaction, Context context)
    {
        try
        {
            if (transaction is null)
            {
                return await instance.UnknownTransactionAsync(context).ConfigureAwait(false)
                    ?? ChaincodeResponse.Failure($"The unknown-transaction hook of contract '{contract.Name}' returned no response.");
            }

            var count = context.Stub.Arguments.Count - 1;
            if (count < transaction.MinimumArguments || count > transaction.MaximumArguments)
            {
                var error = TransactionArgumentError.WrongCount(
                    contract.Name, transaction.Name, transaction.MinimumArguments, transaction.MaximumArguments, Math.Max(count, 0), transaction.Parameters.Select(p => p.Name));
                return ArgumentFailure(instance, error);
            }

            await instance.BeforeTransactionAsync(context).ConfigureAwait(false);
            var result = await transaction.Invoker(instance, context, context.Stub.Arguments).ConfigureAwait(false);
            await instance.AfterTransactionAsync(context, result.Value).ConfigureAwait(false);
            return result.Response;
        }
        catch (ArgumentBindingException ex)
        {
            var parameter = ex.Parameter;
            var error = TransactionArgumentError.BadValue(
                contract.Name, context.TransactionName, parameter.Name, parameter.Index, context.Stub.Arguments.Count - 1, ex.Reason);
            return ArgumentFailure(instance, error);
        }
        catch (ContractException ex)
        {
            LogRefused(contract.Name, context.TransactionName, context.Stub.TransactionId, ex.Message);
            return ChaincodeResponse.Failure(ex.Message, ex.Status);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFaulted(contract.Name, context.TransactionName, context.Stub.TransactionId, ex);
            return ChaincodeResponse.Failure($"{context.TransactionName} failed: {(ex.Message.Length > 0 ? ex.Message : ex.GetType().Name)}");
        }
    }

    private ChaincodeResponse ArgumentFailure(IContract instance, TransactionArgumentError error)
    {
        LogBadArguments(error.ContractName, error.TransactionName, error.Message);
        var message = instance.FormatArgumentError(error);
        return ChaincodeResponse.Failure(string.IsNullOrEmpty(message) ? error.Message : message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Contract}:{Transaction} refused arguments: {Reason}")]
    private partial void LogBadArguments(string contract, string transaction, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Contract}:{Transaction} ({TransactionId}) refused: {Reason}")]
    private partial void LogRefused(string contract, string transaction, string transactionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Contract}:{Transaction} ({TransactionId}) threw an unexpected exception")]
    private partial void LogFaulted(string contract, string transaction, string transactionId, Exception exception);
}
