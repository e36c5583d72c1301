namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>A JSON argument with an enum inside.</summary>
/// <param name="Shade">The shade.</param>
internal sealed record Canvas(FuzzContract.Shade Shade);
