using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>Resolves commands and their services from the built service provider, and disposes it at the end.</summary>
internal sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => (provider as IDisposable)?.Dispose();
}
