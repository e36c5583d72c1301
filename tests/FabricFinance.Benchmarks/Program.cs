using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FabricFinance.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
