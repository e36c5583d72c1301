using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Infrastructure;

/// <summary>
/// Spectre's type registrar on a service collection: commands get their services by constructor injection.
/// </summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider());

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(service, _ => factory());
    }
}
